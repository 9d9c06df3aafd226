import type { Actor, Department, Role } from '../actors';
import type { WorkflowFailureType } from '../failures';

/** Who may claim and decide a task: everyone holding this role in this department. */
export interface CandidateGroup {
  role: Role;
  department: Department;
}

export const taskOutcomes = ['approve', 'reject', 'request-info'] as const;
export type TaskOutcome = (typeof taskOutcomes)[number];

export type TaskAction = 'claim' | 'unclaim' | 'reassign' | 'decide';
/** `lapsed`: its time ran out and the case moved on without it (a materials notice not sent in time). */
export type TaskStatus = 'open' | 'decided' | 'lapsed';

/** What the officer decided; `reason` is required for reject and request-info. */
export interface TaskDecision {
  taskId: string;
  outcome: TaskOutcome;
  reason?: string;
  /** Facts the decider confirmed, as the workflow asked for them (e.g. `investment-link:<credit code>`). */
  confirms?: string[];
  decidedBy: Actor;
  /** ISO 8601, workflow time. */
  decidedAt: string;
}

/**
 * When a task is due. `dueAt` is when its timer fires; the rest (added later, so older events lack them) state the
 * real deadline, which differs from `dueAt` only under an accelerated clock (`timeScale` > 1, local runs only).
 */
export interface OpenedDue {
  dueAt: string;
  /** ISO 8601: 24:00 Beijing time of the period's last day, by the working-day calendar. */
  legalDueAt?: string;
  /** The real deadline as the documents state it, e.g. `2026-10-10 24:00 北京时间`. */
  dueAtCalendar?: string;
  timeScale?: number;
  /** True when the deadline was counted on a provisional calendar year (see Deadline); absent otherwise. */
  provisional?: true;
  /** With `provisional`: why, in Chinese. */
  calendarBasis?: string;
}

/** A task's due time as the workflow resolved it (see DeadlineActivities). */
export interface TaskDue {
  dueAt: string;
  legalDueAt: string;
  dueAtCalendar?: string;
  timeScale: number;
  provisional?: true;
  calendarBasis?: string;
}

interface TaskEventBase {
  /** Position in the task's history, from 1; with the task id it is the record's idempotency key. */
  sequence: number;
  /** ISO 8601, workflow time. */
  at: string;
}

/** One entry of a task's audit trail. System events (opened, escalated) carry no actor. */
export type TaskEvent = TaskEventBase &
  (
    | ({ type: 'opened'; candidateGroup: CandidateGroup } & OpenedDue)
    | { type: 'escalated'; escalateTo?: CandidateGroup }
    | { type: 'lapsed'; reason: string }
    | { type: 'claimed'; actor: Actor }
    | { type: 'unclaimed'; actor: Actor; reason?: string }
    | { type: 'reassigned'; actor: Actor; to: Actor; reason: string }
    | { type: 'decided'; actor: Actor; outcome: TaskOutcome; reason?: string; confirms?: string[] }
    | {
        type: 'refused';
        actor: Actor;
        attempted: TaskAction;
        failure: WorkflowFailureType;
        /** Why the attempt was refused, in words. */
        message: string;
        /** What the actor asked for, kept so the audit shows the whole attempt. */
        outcome?: TaskOutcome;
        reason?: string;
      }
  );
export type TaskEventType = TaskEvent['type'];

/** What the `taskState` query answers: the inbox and the case page render this. */
export interface TaskState {
  taskId: string;
  caseId: string;
  kind: string;
  candidateGroup: CandidateGroup;
  escalateTo?: CandidateGroup;
  assignee: Actor | null;
  /** When the task's timer fires (escalation); under an accelerated clock, long before `legalDueAt`. */
  dueAt: string;
  legalDueAt: string;
  dueAtCalendar?: string;
  timeScale: number;
  provisional?: true;
  calendarBasis?: string;
  escalated: boolean;
  status: TaskStatus;
  decision?: TaskDecision;
  history: TaskEvent[];
}
