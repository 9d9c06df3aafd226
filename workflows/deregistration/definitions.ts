import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import type {
  AcceptedDeregistration,
  DeregistrationApplication,
  DeregistrationObjection,
  DeregistrationRefusalDetails,
} from '../../libs/contracts/src/deregistration/deregistration-activities';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { PolicyPeriod } from '../../libs/contracts/src/time/deadlines';

// Clients (the gateway, the tax-event consumer) import these without loading the worker. The officer's review is a
// human task: claim, unclaim, reassign and decide are the shared updates in ../shared/human-task/definitions.ts.

/** The business key is the case id. */
export const deregistrationWorkflowId = (caseId: string): string => `deregistration-${caseId}`;

/** Tax's answer to the announcement (R3.3), delivered from tax.events by the orchestrator's consumer. */
export interface TaxAnswer {
  verdict: 'no-objection' | 'objection';
  /** The objection's reason (the matters still pending); absent for no objection. */
  reason?: string;
  /** The tax event this answer is, so a redelivery is recognised. */
  eventId: string;
  at: string;
}

/** Safe to repeat: the workflow keeps the first answer. */
export const taxAnswerSignal = defineSignal<[TaxAnswer]>('taxAnswer');

/** Policy values in force when the case started (see libs/policy simplifiedDeregistrationPolicies); kept to the end. */
export interface DeregistrationPolicy {
  version: string;
  announcementPeriod: PolicyPeriod;
  individualBusinessesAnnounce: boolean;
  confirmationPeriod: PolicyPeriod;
  extendedConfirmationPeriod: PolicyPeriod;
  reviewPeriod: PolicyPeriod;
}

export interface DeregistrationInput {
  caseId: string;
  applicant: Actor;
  application: DeregistrationApplication;
  policy: DeregistrationPolicy;
  /** The case's clock: 1 is real time, N > 1 (local runs only) N times faster. */
  timeScale: number;
}

export type DeregistrationStatusName =
  | 'applied'
  | 'refused'
  | 'announcing'
  | 'awaiting-confirmation'
  | 'lapsed'
  | 'under-review'
  | 'rejected'
  | 'deregistered';

export interface DeregistrationStep {
  name: 'apply' | 'announcement' | 'tax-clearance' | 'confirmation' | 'officer-review' | 'deregister';
  status: 'in-progress' | 'done' | 'skipped' | 'objected' | 'lapsed' | 'rejected' | 'refused';
  at: string;
  due?: TaskDue;
}

export interface DeregistrationStatus {
  caseId: string;
  applicantId: string;
  timeScale: number;
  policyVersion: string;
  status: DeregistrationStatusName;
  steps: DeregistrationStep[];
  enterprise?: AcceptedDeregistration;
  /** The public announcement's window, when the case has one. */
  announcement?: { startedAt: string; due: TaskDue; open: boolean };
  objections: DeregistrationObjection[];
  taxAnswer?: TaxAnswer;
  confirmation?: { due: TaskDue; extended: boolean; confirmedAt?: string };
  openTask?: TaskState;
  /** Why the application was refused before anything started (NotEligible, CommitmentsMismatch). */
  refusal?: { type: string; message: string; details?: DeregistrationRefusalDetails };
}

/** An objection as a creditor (gateway) or an authority's service lodges it; refused once the window closed. */
export interface ObjectionRequest {
  actor: Actor;
  name: string;
  reason: string;
  contact: string;
}

/** The enterprise confirms its application after the period, or (`extend`) asks once for the longer window. */
export interface ConfirmationRequest {
  actor: Actor;
  extend?: boolean;
}

/** Sent with the start (update id `application`): answers once the register accepted it, or fails with why not. */
export const applicationUpdate = defineUpdate<DeregistrationStatus, []>('application');
export const APPLICATION_UPDATE_ID = 'application';
export const objectionUpdate = defineUpdate<DeregistrationStatus, [ObjectionRequest]>('objection');
export const confirmationUpdate = defineUpdate<DeregistrationStatus, [ConfirmationRequest]>('confirmation');
export const deregistrationStatusQuery = defineQuery<DeregistrationStatus>('deregistrationStatus');
