import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../../libs/contracts/src/actors';
import type { TaskQueue } from '../../../libs/contracts/src/task-queues';
import type { CandidateGroup, TaskDue, TaskOutcome, TaskState } from '../../../libs/contracts/src/tasks/task.types';
import type { Verdict } from './task-rules';

// Clients (the gateway) import these to act on any workflow's human tasks without loading the worker.
// Every update answers with the task's state after the change; a refusal rejects it with a WorkflowFailureType.

export interface ClaimRequest {
  taskId: string;
  actor: Actor;
}

export interface UnclaimRequest {
  taskId: string;
  actor: Actor;
  reason?: string;
}

/** Hands the claim to `to`, a colleague in the candidate group; always needs a reason. */
export interface ReassignRequest {
  taskId: string;
  actor: Actor;
  to: Actor;
  reason: string;
}

export interface DecideRequest {
  taskId: string;
  actor: Actor;
  outcome: TaskOutcome;
  reason?: string;
  /** Facts the decider confirms, where the workflow asks for them (e.g. `investment-link:<credit code>`). */
  confirms?: string[];
}

export const claimUpdate = defineUpdate<TaskState, [ClaimRequest]>('claim');
export const unclaimUpdate = defineUpdate<TaskState, [UnclaimRequest]>('unclaim');
export const reassignUpdate = defineUpdate<TaskState, [ReassignRequest]>('reassign');
export const decideUpdate = defineUpdate<TaskState, [DecideRequest]>('decide');

/** The named task, or without a task id the one open now; null when there is none. */
export const taskStateQuery = defineQuery<TaskState | null, [taskId?: string]>('taskState');

/** What a workflow passes to `openTask`. Due times come from policy periods resolved by an activity (deadlines.ts). */
export interface OpenTaskOptions {
  /** Unique within the workflow, e.g. `<caseId>:review:2`. */
  taskId: string;
  kind: string;
  caseId: string;
  candidateGroup: CandidateGroup;
  due: TaskDue;
  /** Shown the task once it is overdue; escalation does not widen who may decide. */
  escalateTo?: CandidateGroup;
  applicantId: string;
  /** People who approved an earlier step of the same case; four-eyes bars them from this one. */
  priorApprovers: readonly string[];
  /** The task queue of the service that keeps this case's audit trail and registers `recordTaskEvent`. */
  recordOn: TaskQueue;
  /**
   * Checked when an approval passes the task rules, before it is recorded: what the case must still hold true now
   * (e.g. the name is still available). A refusal is recorded like any other.
   */
  beforeApprove?: (request: DecideRequest) => Promise<Verdict>;
}
