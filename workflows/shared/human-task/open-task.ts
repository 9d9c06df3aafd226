import { condition } from '@temporalio/workflow';
import type { TaskDecision, TaskState } from '../../../libs/contracts/src/tasks/task.types';
import type { OpenTaskOptions } from './definitions';
import { taskBoard } from './task-board';

/**
 * Opens a human task for a candidate group and resolves with its decision. Claim, unclaim, reassign and decide arrive
 * as updates (see definitions.ts); past the due time the task is escalated once and stays open until decided.
 */
export async function openTask(options: OpenTaskOptions): Promise<TaskDecision> {
  const task = taskBoard().open(options);
  const { candidateGroup, escalateTo } = options;
  const { dueAt, legalDueAt, dueAtCalendar, timeScale, provisional, calendarBasis } = task.snapshot();
  const due = { dueAt, legalDueAt, dueAtCalendar, timeScale, ...(provisional && { provisional, calendarBasis }) };
  await task.recordSystemEvent({ type: 'opened', candidateGroup, ...due });

  const untilDue = Math.max(Date.parse(dueAt) - Date.now(), 1);
  const decidedInTime = await condition(() => task.decision !== undefined, untilDue);
  if (!decidedInTime) await task.recordSystemEvent({ type: 'escalated', escalateTo }, { unlessDecided: true });
  return task.decided;
}

/**
 * Like openTask, but the due time ends the task instead of escalating it: the task lapses (recorded, with `reason`) and
 * this resolves with `lapsed` unless a decision was recorded first. For a step the law lets time settle, e.g. the
 * application counts as accepted when no missing-materials notice was sent within 5 working days.
 */
export async function openTaskUntilDue(options: OpenTaskOptions, reason: string): Promise<TaskDecision | 'lapsed'> {
  const task = taskBoard().open(options);
  const { dueAt, legalDueAt, dueAtCalendar, timeScale, provisional, calendarBasis } = task.snapshot();
  const due = { dueAt, legalDueAt, dueAtCalendar, timeScale, ...(provisional && { provisional, calendarBasis }) };
  await task.recordSystemEvent({ type: 'opened', candidateGroup: options.candidateGroup, ...due });
  const untilDue = Math.max(Date.parse(dueAt) - Date.now(), 1);
  if (await condition(() => task.decision !== undefined, untilDue)) return task.decided;
  await task.recordSystemEvent({ type: 'lapsed', reason }, { unlessDecided: true });
  return task.decision ?? 'lapsed';
}

/** Ends every task still open without a decision (the case itself ended): each lapses, recorded with `reason`. */
export async function lapseOpenTasks(reason: string): Promise<void> {
  for (const task of taskBoard().openTasks())
    await task.recordSystemEvent({ type: 'lapsed', reason }, { unlessDecided: true });
}

/** Installs the task updates and the `taskState` query now, so requests that come before any task get TaskNotFound. */
export function acceptTaskRequests(): void {
  taskBoard();
}

/** The task open now, for a workflow's own status query. */
export function currentTaskState(): TaskState | undefined {
  return taskBoard().current()?.snapshot();
}

/** Every task open now, for a workflow that runs several at once. */
export function openTaskStates(): TaskState[] {
  return taskBoard()
    .openTasks()
    .map((task) => task.snapshot());
}
