import { Inject, Injectable } from '@nestjs/common';
import { type TaskEventRecord, taskEventType } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import type { Actor, EventMetadata } from '@govflow/messaging';
import { isUniqueViolation, uuidV5 } from '../shared/uuid-v5';

// The same namespace as market regulation's task events: a task event record id names one event system-wide.
const TASK_EVENTS_NAMESPACE = '45344fe3-b57e-4c3e-b707-4f7de97e29b5';
const EVENT_ID_TAKEN = 'events_event_id_key';
const workflowActor: Actor = { id: 'workflow', role: 'system' };

/** The one place that names a task's stream (published on tasks.events, where the gateway's inbox reads it). */
export const taskStreamId = (taskId: string): string => `task-${taskId}`;

/** Stores one event of a permit officer's or inspector's task; a retried activity finds it stored and succeeds. */
@Injectable()
export class TaskEventRecorder {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async record(record: TaskEventRecord): Promise<void> {
    const { event } = record;
    const reason = 'reason' in event ? event.reason : undefined;
    const metadata: EventMetadata = {
      actor: 'actor' in event ? event.actor : workflowActor,
      ...(reason ? { reason } : {}),
      correlationId: record.caseId,
      causationId: record.eventId,
      workflow: record.workflow,
    };
    const stored = {
      eventId: uuidV5(record.eventId, TASK_EVENTS_NAMESPACE),
      type: taskEventType(event.type),
      data: { ...record },
      metadata,
      occurredAt: new Date(event.at),
    };
    try {
      await this.store.append(taskStreamId(record.taskId), 'any', [stored]);
    } catch (error) {
      if (!isUniqueViolation(error, EVENT_ID_TAKEN)) throw error;
    }
  }
}
