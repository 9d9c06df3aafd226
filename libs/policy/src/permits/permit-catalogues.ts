import { PolicyTimeline } from '../policy-timeline';
import { type PermitCatalogue } from './permit-catalogue';
import { permitCatalogueV1 } from './permit-catalogue.v1';
import { permitCatalogueV2 } from './permit-catalogue.v2';

// The catalogue changes by published document; a license is told about the version in force at its issue, a permit
// case keeps the version in force on its application. Version 2 adds how each item's case runs (routes, time limits,
// validity, the 告知承诺 conditions): this registry opened permit cases from 2026-11-01 (a project date, not a
// document's).
export const permitCatalogues = new PolicyTimeline<PermitCatalogue>('post-license-permit-catalogue', [
  { version: 'catalogue-v1', effectiveFrom: '2015-10-01', value: permitCatalogueV1 },
  { version: 'catalogue-v2', effectiveFrom: '2026-11-01', value: permitCatalogueV2 },
]);
