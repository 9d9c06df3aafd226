import type { Actor } from '../actors';
import type { EstablishmentApplication } from './establishment-application';

/** Every activity input carries a key that is stable across retries: the service stores each effect once. */
interface Idempotent {
  /** `<caseId>:<step>[:<round>]`. */
  idempotencyKey: string;
  caseId: string;
}

export interface SubmitApplicationInput extends Idempotent {
  applicant: Actor;
  application: EstablishmentApplication;
  submittedAt: string;
}

export interface RejectApplicationInput extends Idempotent {
  decidedBy: Actor;
  reason: string;
  decidedAt: string;
}

export interface SupplementApplicationInput extends Idempotent {
  round: number;
  by: Actor;
  changes: Partial<EstablishmentApplication>;
  note: string;
  at: string;
}

export interface IssueLicenseInput extends Idempotent {
  approvedBy: Actor;
  approvedAt: string;
  application: EstablishmentApplication;
}

export interface IssuedLicense {
  creditCode: string;
  enterpriseName: string;
  issuedAt: string;
}

export interface DetermineRequiredPermitsInput extends Idempotent {
  creditCode: string;
  businessScope: string[];
  catalogueVersion: string;
}

/** A post-license permit the registrant is told to apply for (告知, R2.1). */
export interface RequiredPermitNotice {
  code: string;
  name: string;
  authority: string;
}

/**
 * The market-regulation service's activities, on task queue `registration`. The same worker also registers
 * `HumanTaskActivities.recordTaskEvent`, since the officer review task is recorded there.
 */
export interface RegistrationActivities {
  submitApplication(input: SubmitApplicationInput): Promise<void>;
  rejectApplication(input: RejectApplicationInput): Promise<void>;
  supplementApplication(input: SupplementApplicationInput): Promise<void>;
  issueLicense(input: IssueLicenseInput): Promise<IssuedLicense>;
  determineRequiredPermits(input: DetermineRequiredPermitsInput): Promise<RequiredPermitNotice[]>;
}
