import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { proxyLocalActivities } from '@temporalio/workflow';
import type {
  Deadline,
  DeadlineActivities,
  PolicyPeriod,
  Reminder,
  Validity,
} from '../../libs/contracts/src/time/deadlines';
import type { TaskDue } from '../../libs/contracts/src/tasks/task.types';

// The worker that runs the workflows resolves deadlines itself (libs/policy), so asking costs no round trip; the
// answer is recorded in the history. A year the calendar does not cover fails until its notice is added: the case
// waits for it, retrying, and is never given a guessed deadline.
const { resolveDeadline, resolveValidity, resolveReminder } = proxyLocalActivities<DeadlineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

/** The deadline of a policy period that starts at `from` (workflow time), on the case's clock. */
export function deadlineOf(period: PolicyPeriod, from: Date, timeScale: number): Promise<Deadline> {
  return resolveDeadline({ period, from: from.toISOString(), timeScale });
}

/** A permit's validity from `from` (legal time): calendar days, never moved to a working day. */
export function validityOf(period: PolicyPeriod, from: Date): Promise<Validity> {
  return resolveValidity({ period, from: from.toISOString() });
}

/** The working day `workingDays` before `lastDay`; waits (retrying) while the calendar lacks a year it counts through. */
export function reminderBefore(lastDay: string, workingDays: number): Promise<Reminder> {
  return resolveReminder({ lastDay, workingDays });
}

/** Cases started before the working-day calendar carry a plain duration; they keep it, on real time. */
export function legacyDue(dueIn: Duration, from: Date): TaskDue {
  const dueAt = new Date(from.getTime() + msToNumber(dueIn)).toISOString();
  return { dueAt, legalDueAt: dueAt, timeScale: 1 };
}
