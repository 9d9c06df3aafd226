import { defineQuery } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import type { PolicyPeriod } from '../../libs/contracts/src/time/deadlines';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { ClawbackGround, ClawbackPolicy } from '../../libs/policy/src/maker-space/clawback-policy';

/** R4.4: a science-commission officer claws back a paid grant; a finance officer confirms the recovery. */
export interface ClawbackInput {
  clawbackId: string;
  grantCaseId: string;
  creditCode: string;
  enterpriseName: string;
  grantFen: number;
  ground: ClawbackGround;
  rateBasisPoints: number;
  reason: string;
  openedBy: Actor;
  policy: { version: string; value: ClawbackPolicy };
  confirmationPeriod: PolicyPeriod;
  timeScale: number;
}

export type ClawbackStatusName = 'refused' | 'awaiting-confirmation' | 'confirmed' | 'not-confirmed';

export interface ClawbackStatus {
  clawbackId: string;
  grantCaseId: string;
  status: ClawbackStatusName;
  ground: ClawbackGround;
  rateBasisPoints: number;
  grantFen: number;
  fineFen?: number;
  dueFen?: number;
  openedBy: Actor;
  policyVersion: string;
  confirmation?: { due: TaskDue; decidedBy?: Actor; decidedAt?: string; reason?: string };
  referredAt?: string;
  refusal?: { type: string; message: string };
  openTask?: TaskState;
}

export const clawbackStatusQuery = defineQuery<ClawbackStatus>('clawbackStatus');
