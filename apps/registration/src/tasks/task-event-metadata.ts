import type { TaskEvent, TaskEventRecord } from '@govflow/contracts';
import type { Actor, EventMetadata } from '@govflow/messaging';

/** Who "did" opened and escalated: nobody; the workflow did, by the rules and the clock. */
export const workflowActor: Actor = { id: 'workflow', role: 'system' };

/**
 * The audit fields of a task event: the person who acted (or the workflow), their reason where they gave one,
 * the case as correlation and the record's own id as the cause (it is the workflow's idempotency key).
 */
export function taskEventMetadata(record: TaskEventRecord): Omit<EventMetadata, 'workflow'> {
  const { event } = record;
  const reason = reasonOf(event);
  return {
    actor: 'actor' in event ? event.actor : workflowActor,
    ...(reason ? { reason } : {}),
    correlationId: record.caseId,
    causationId: record.eventId,
  };
}

function reasonOf(event: TaskEvent): string | undefined {
  return 'reason' in event ? event.reason : undefined;
}
