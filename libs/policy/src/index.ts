export { type CalendarPeriod, chinaIsoDate, isWithinPeriod, periodEndsAt, startOfChinaDay } from './china-calendar';
export type { Deadline, DeadlineActivities, DeadlineRequest, PolicyPeriod } from '@govflow/contracts';
export { holidayArrangements, type HolidayArrangement, type ProvisionalBasis } from './time/holiday-arrangements.data';
export {
  CalendarYearNotCovered,
  chinaWorkingDayCalendar,
  type DayKind,
  WorkingDayCalendar,
} from './time/working-day-calendar';
export {
  acceleratedInstant,
  assertPolicyPeriod,
  assertTimeScale,
  lastDayOfPeriod,
  legalDeadline,
  resolveDeadline,
} from './time/deadline';
export { deadlineActivities } from './time/deadline-activities';
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
  recognitionGrantFen,
  recognitionGrantYuan,
} from './maker-space/maker-space-grant-policy';
export {
  failedCriteria,
  type FailedCriterion,
  type FigureAtLeast,
  type MakerSpaceCriteria,
  type MakerSpaceCriterion,
  makerSpaceCriteria,
  type MakerSpaceFigure,
  type MakerSpaceFigures,
} from './maker-space/maker-space-criteria';
export {
  type ExpertPassRule,
  type ExpertVerdict,
  expertVerdict,
  type GrantAmountRule,
  type GrantProgramme,
  type GrantProgrammeCatalogue,
  grantProgramme,
  grantProgrammes,
  recognitionProgramme,
} from './maker-space/grant-programmes';
export {
  type ClawbackComputation,
  type ClawbackGround,
  clawbackGrounds,
  type ClawbackPolicy,
  clawbackPolicies,
  computeClawback,
  type RateRange,
} from './maker-space/clawback-policy';
export { firstDayOfNextChinaMonth } from './maker-space/tax-exemption';
export {
  type AssessmentIndicator,
  type AssessmentIndicators,
  assessmentIndicatorLabels,
  type AssessmentPolicy,
  assessmentPolicies,
  assessmentPolicyOfYear,
  failedIndicators,
  type FailedIndicator,
} from './maker-space/assessment-policy';
export {
  type PermitAuthority,
  type PermitCatalogue,
  type PermitCatalogueEntry,
  type PermitKind,
  type RequiredPermit,
  requiredPermits,
} from './permits/permit-catalogue';
export { permitCatalogues } from './permits/permit-catalogues';
export {
  type CommitmentConditions,
  type PermitMaterial,
  type PermitProcedure,
  type PermitRoute,
  permitRoutes,
} from './permits/permit-procedure';
export { resolveReminder, resolveValidity } from './time/validity';
export { type RegistrationTimeLimits, registrationTimeLimits } from './registration/registration-time-limits';
export {
  type VoucherEligibility,
  type VoucherProgramme,
  type VoucherProgrammeCatalogue,
  voucherProgramme,
  voucherProgrammes,
} from './voucher/voucher-programmes';
