import type { TaskEvent } from './task.types';

/** One task event as the department service stores it (event store + outbox → tasks.events). */
export interface TaskEventRecord {
  /** `<taskId>#<sequence>`: stable across activity retries, so storing it twice is a no-op. */
  eventId: string;
  taskId: string;
  caseId: string;
  kind: string;
  event: TaskEvent;
  workflow: { workflowId: string; runId: string };
}

/**
 * Registered by every service whose cases open human tasks, on that service's task queue. The workflow records each
 * attempt on a task here (refused ones included) before it changes the task.
 */
export interface HumanTaskActivities {
  recordTaskEvent(record: TaskEventRecord): Promise<void>;
}
