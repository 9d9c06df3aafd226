import { PolicyTimeline } from '../policy-timeline';
import { type PermitCatalogue } from './permit-catalogue';
import { permitCatalogueV1 } from './permit-catalogue.v1';

// The catalogue changes by published document; a license is told about the version in force at its issue.
export const permitCatalogues = new PolicyTimeline<PermitCatalogue>('post-license-permit-catalogue', [
  { version: 'catalogue-v1', effectiveFrom: '2015-10-01', value: permitCatalogueV1 },
]);
