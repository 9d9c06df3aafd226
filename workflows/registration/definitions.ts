import type { Duration } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import type { EstablishmentApplication } from '../../libs/contracts/src/registration/establishment-application';
import type {
  IssuedLicense,
  RequiredPermitNotice,
} from '../../libs/contracts/src/registration/registration-activities';
import type { NameRefusalDetails } from '../../libs/contracts/src/registration/name-refusal';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { PolicyPeriod } from '../../libs/contracts/src/time/deadlines';

// Clients (the gateway, the tax-event consumer) import these without loading the worker. The officer's review is a
// human task: claim, unclaim, reassign and decide are the shared updates in ../shared/human-task/definitions.ts.

export const registrationWorkflowId = (caseId: string) => `registration-${caseId}`;

/** Policy values in force when the case started; the case keeps them to the end. */
export interface RegistrationPolicy {
  /** R1.5a: the officer decides within this period of the submission, and of each supplement ({workingDays: 3}). */
  reviewPeriod?: PolicyPeriod;
  /** Cases started before the working-day calendar: the review was due this long after it opened. */
  reviewDueIn?: Duration;
  /** How long tax may take to open the record before the step shows as overdue (the case keeps waiting). */
  taxRecordTimeout: Duration;
  permitCatalogueVersion: string;
}

export interface RegistrationInput {
  caseId: string;
  applicant: Actor;
  application: EstablishmentApplication;
  policy: RegistrationPolicy;
  /** The clock the case runs on, kept to its end: 1 (or absent) is real time, N > 1 (local runs only) N times faster. */
  timeScale?: number;
}

export type RegistrationStatusName =
  | 'submitted'
  | 'refused'
  | 'under-review'
  | 'information-requested'
  | 'approved'
  | 'rejected'
  | 'licensed'
  | 'completed';

export type RegistrationStepName =
  'submit-application' | 'officer-review' | 'supplement' | 'issue-license' | 'open-tax-record' | 'determine-permits';

export type StepStatus = 'in-progress' | 'done' | 'overdue' | 'information-requested' | 'rejected' | 'refused';

/** Why the submission was refused before any officer saw it: the name failed R1.3 (see NameRefusalType). */
export interface SubmissionRefusal {
  type: string;
  message: string;
  details?: NameRefusalDetails;
}

/** One step of the case as the registrant sees it; review and supplement steps repeat, one per round. */
export interface RegistrationStep {
  name: RegistrationStepName;
  round?: number;
  status: StepStatus;
  /** ISO 8601, when the step reached this status. */
  at: string;
  /** For steps with a time limit (the officer's review): the deadline in real calendar terms and when its timer fires. */
  due?: TaskDue;
}

/** Sent by the consumer of `TaxRecordOpened` on tax.events (三证合一: tax opens the record itself). */
export interface TaxRecord {
  taxpayerId: string;
  openedAt: string;
}

/** The registrant's answer to a request for information; each field in `changes` replaces that field whole. */
export interface Supplement {
  actor: Actor;
  changes: Partial<EstablishmentApplication>;
  note: string;
}

export interface RegistrationStatus {
  caseId: string;
  /** The case's clock (see RegistrationInput.timeScale); absent in cases started before it existed. */
  timeScale?: number;
  status: RegistrationStatusName;
  steps: RegistrationStep[];
  license?: IssuedLicense;
  taxRecord?: TaxRecord;
  requiredPermits: RequiredPermitNotice[];
  openTask?: TaskState;
  refusal?: SubmissionRefusal;
}

/**
 * Sent with the start (Update-with-start, update id `submission`): answers once market regulation has checked the name
 * and held it for the case, or fails with the name refusal (NameNotAllowed, NameTaken) and the case ends refused.
 */
export const submissionUpdate = defineUpdate<RegistrationStatus, []>('submission');
export const SUBMISSION_UPDATE_ID = 'submission';

/** Refused with NotApplicant (anyone but the applicant) or NotAwaitingInformation (no request is open). */
export const supplementUpdate = defineUpdate<RegistrationStatus, [Supplement]>('supplement');
export const taxRecordOpenedSignal = defineSignal<[TaxRecord]>('taxRecordOpened');
export const registrationStatusQuery = defineQuery<RegistrationStatus>('registrationStatus');
