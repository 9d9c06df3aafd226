import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * Terminates a case a test is done with, once nothing of it is in flight. The time-skipping test server holds a
 * time lock for every activity and workflow task in flight, and a terminate under them never gives it back: the
 * late completion is refused as "Completed workflow" before its unlock. Every later `env.sleep` in that file then
 * waits in real time; CI lost a test to it (the worker's "Task not found when completing" warning marks the leak).
 */
export async function terminateWhenIdle(handle: WorkflowHandle, reason = 'test over', withinMs = 10_000) {
  const deadline = Date.now() + withinMs;
  while (!(await isIdle(handle))) {
    if (Date.now() > deadline) throw new Error(`${handle.workflowId} still busy after ${withinMs} ms; not terminated`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await handle.terminate(reason);
}

async function isIdle(handle: WorkflowHandle): Promise<boolean> {
  const { raw } = await handle.describe();
  if ((raw.pendingActivities?.length ?? 0) > 0) return false;
  const { events } = await handle.fetchHistory();
  const lastTask = (events ?? []).filter(isWorkflowTaskEvent).at(-1);
  return lastTask?.workflowTaskCompletedEventAttributes != null;
}

const isWorkflowTaskEvent = (event: HistoryEvent) =>
  event.workflowTaskScheduledEventAttributes != null ||
  event.workflowTaskStartedEventAttributes != null ||
  event.workflowTaskCompletedEventAttributes != null ||
  event.workflowTaskFailedEventAttributes != null ||
  event.workflowTaskTimedOutEventAttributes != null;
