export { type CalendarPeriod, chinaIsoDate, isWithinPeriod, periodEndsAt, startOfChinaDay } from './china-calendar';
export {
  InvalidPolicyTimeline,
  NoPolicyInForce,
  PolicyTimeline,
  type PolicyVersion,
  type PolicyVersionDefinition,
  UnknownPolicyVersion,
} from './policy-timeline';
export { namePolicies, namePolicyV1 } from './name/name-policy';
export type { NamePolicy, PlaceLevel, PlaceName, ProhibitedCategory, ProhibitedTerm } from './name/name-policy.types';
export {
  type SimplifiedDeregistrationPolicy,
  simplifiedDeregistrationPolicies,
} from './deregistration/simplified-deregistration-policy';
export {
  type MakerSpaceGrantPolicy,
  type MakerSpaceLevel,
  makerSpaceGrantPolicies,
  recognitionGrantYuan,
} from './maker-space/maker-space-grant-policy';
export {
  type PermitAuthority,
  type PermitCatalogue,
  type PermitCatalogueEntry,
  type PermitKind,
  type RequiredPermit,
  requiredPermits,
} from './permits/permit-catalogue';
export { permitCatalogues } from './permits/permit-catalogues';
