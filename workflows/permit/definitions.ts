import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, Department } from '../../libs/contracts/src/actors';
import type { PermitRouteName } from '../../libs/contracts/src/permits/permit-events';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { PermitProcedure } from '../../libs/policy/src/permits/permit-procedure';

// Clients (the gateway) import these without loading the worker. The officers' and inspectors' tasks are human tasks:
// claim, unclaim, reassign and decide are the shared updates in ../shared/human-task/definitions.ts.

/** The business key is the permit case id. */
export const permitWorkflowId = (caseId: string): string => `permit-${caseId}`;

/** The catalogue item as it stood when the case was opened: the case keeps it to its end (R2.1). */
export interface PermitItem {
  code: string;
  nameZh: string;
  authority: Department;
  kind: 'permit' | 'filing';
  catalogueVersion: string;
  procedure: PermitProcedure;
}

export interface PermitInput {
  caseId: string;
  applicant: Actor;
  enterprise: { creditCode: string; name: string };
  item: PermitItem;
  route: PermitRouteName;
  materials: Record<string, string>;
  /** The applicant's signed commitment, for the 告知承诺 route: which conditions, when. */
  commitment?: { conditionsVersion: string; signedAt: string };
  /** The case's clock: 1 is real time, N > 1 (local runs only) N times faster. */
  timeScale: number;
}

export type PermitStatusName =
  'applied' | 'awaiting-materials' | 'under-review' | 'granted' | 'refused' | 'filed' | 'revoked' | 'expired' | 'ended';

export interface PermitStep {
  name: 'apply' | 'materials' | 'commitment' | 'review' | 'filing' | 'spot-check' | 'renewal';
  status: 'in-progress' | 'done' | 'deemed-accepted' | 'requested' | 'refused' | 'rejected' | 'false' | 'skipped';
  at: string;
  due?: TaskDue;
  note?: string;
}

export interface PermitValidity {
  grantedAt: string;
  /** 24:00 Beijing time of `lastDay`; the permit expires then unless renewed. */
  validUntil: string;
  lastDay: string;
  renewals: number;
  /** When the renewal reminder reached (or will reach) the registrant, once resolved. */
  renewalDueAt?: string;
}

export interface PermitStatus {
  caseId: string;
  applicantId: string;
  creditCode: string;
  permitCode: string;
  nameZh: string;
  authority: Department;
  route: PermitRouteName;
  catalogueVersion: string;
  timeScale: number;
  status: PermitStatusName;
  steps: PermitStep[];
  permitNumber?: string;
  decision?: { outcome: 'approve' | 'reject'; reason?: string; by: Actor; at: string };
  validity?: PermitValidity;
  spotCheck?: { selected: boolean; sharePercent: number; finding?: 'compliant' | 'false-commitment' };
  openTask?: TaskState;
  /** Why and when the case ended before its natural end (the enterprise was deregistered). */
  ending?: PermitEnding;
  /** Why the case was refused before any officer saw it (PermitCaseOpen, CoveredByOtherPermit, CommitmentRouteClosed). */
  refusal?: { type: string; message: string };
}

export interface SupplyMaterialsRequest {
  actor: Actor;
  materials: Record<string, string>;
}

/** Registration deregistered the enterprise (EnterpriseDeregistered): the case ends. */
export interface EnterpriseDeregisteredNotice {
  deregistrationCaseId: string;
  /** The EnterpriseDeregistered event's id: the causation of PermitEnded. */
  eventId: string;
  deregisteredAt: string;
}

export interface PermitEnding {
  reason: 'enterprise-deregistered';
  deregistrationCaseId: string;
  endedFrom: PermitStatusName;
  effectiveAt: string;
}

export interface RenewalRequest {
  actor: Actor;
}

/** Sent with the start (update id `application`): answers once recorded, or fails with why the case was refused. */
export const applicationUpdate = defineUpdate<PermitStatus, []>('application');
export const APPLICATION_UPDATE_ID = 'application';
export const supplyMaterialsUpdate = defineUpdate<PermitStatus, [SupplyMaterialsRequest]>('supplyMaterials');
export const renewalUpdate = defineUpdate<PermitStatus, [RenewalRequest]>('renewal');
export const permitStatusQuery = defineQuery<PermitStatus>('permitStatus');
/** Signalled (never started) by apps/permits for each running case of a deregistered enterprise; the first counts. */
export const enterpriseDeregisteredSignal = defineSignal<[EnterpriseDeregisteredNotice]>('enterpriseDeregistered');
