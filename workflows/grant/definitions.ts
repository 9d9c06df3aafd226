import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import type {
  ConflictDeclaration,
  ExpertScore,
  GrantObjection,
  GrantStepName,
  GrantStepStatus,
} from '../../libs/contracts/src/science/grant-activities';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { GrantProgramme } from '../../libs/policy/src/maker-space/grant-programmes';

/** A grant case as it starts: the programme and amount resolved from policy when applied for, kept for its life. */
export interface GrantInput {
  caseId: string;
  /** Who applied (the enterprise's registrant), or the science commission's system for a recognition grant. */
  applicant: Actor;
  creditCode: string;
  enterpriseName: string;
  amountFen: number;
  programme: GrantProgramme;
  programmeVersion: string;
  timeScale: number;
  details?: Record<string, unknown>;
  /** The maker-space recognition case this one-off grant follows, if any. */
  recognitionCaseId?: string;
}

export type GrantStatusName =
  | 'applied'
  | 'refused'
  | 'under-review'
  | 'expert-review'
  | 'rejected'
  | 'on-public-notice'
  | 'objections-open'
  | 'withdrawn'
  | 'awaiting-payment'
  | 'paid';

export interface GrantStep {
  name: GrantStepName;
  status: GrantStepStatus;
  at: string;
  due?: TaskDue;
}

export interface GrantStatus {
  caseId: string;
  applicantId: string;
  status: GrantStatusName;
  creditCode: string;
  enterpriseName: string;
  programmeCode: string;
  programmeVersion: string;
  amountFen: number;
  timeScale: number;
  steps: GrantStep[];
  scores: ExpertScore[];
  conflicts: ConflictDeclaration[];
  notice?: { noticeId: string; startedAt: string; due: TaskDue; open: boolean };
  objections: GrantObjection[];
  payment?: { paidBy: Actor; paidAt: string; amountFen: number };
  published?: { at: string };
  refusal?: { type: string; message: string };
  openTasks: TaskState[];
}

export interface GrantObjectionRequest {
  actor: Actor;
  /** The signed-in account's real name, as the gateway read it from the account. */
  realName: string;
  reason: string;
  evidence?: string;
  /** The objector asks not to be named on the public page; then evidence is required. */
  anonymous?: boolean;
}

export const grantStatusQuery = defineQuery<GrantStatus>('grantStatus');
export const grantObjectionUpdate = defineUpdate<GrantObjection, [GrantObjectionRequest]>('grantObjection');

/** Answers once eligibility is decided: the status when the grant is held, else the refusal as a typed failure. */
export const grantApplicationUpdate = defineUpdate<GrantStatus, []>('grantApplication');
export const GRANT_APPLICATION_UPDATE_ID = 'application';
export const grantWorkflowId = (caseId: string): string => `grant-${caseId}`;
