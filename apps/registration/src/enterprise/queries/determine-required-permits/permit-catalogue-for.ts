import { type PermitCatalogue, permitCatalogues, type PolicyVersion, UnknownPolicyVersion } from '@govflow/policy';

export interface ChosenCatalogue {
  catalogue: PolicyVersion<PermitCatalogue>;
  /** True when the case named a version this registry never published. */
  substituted: boolean;
}

/**
 * The catalogue version the case started under. For a version this registry never published, the one in force when
 * the license was issued, as R2.1 tells the registrant at issue time: the license already exists, and refusing to
 * name its permits would leave the case unfinished for a label that cannot be mended by retrying.
 */
export function permitCatalogueFor(version: string, issuedAt: Date): ChosenCatalogue {
  try {
    return { catalogue: permitCatalogues.byVersion(version), substituted: false };
  } catch (error) {
    if (!(error instanceof UnknownPolicyVersion)) throw error;
    return { catalogue: permitCatalogues.at(issuedAt), substituted: true };
  }
}
