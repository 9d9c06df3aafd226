// Test support: realistic event envelopes, published to the real topics the way the services' outbox relays do.
import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { Actor, CandidateGroup, TaskEvent, TaskEventRecord, Topic } from '@govflow/contracts';
import { taskEventType } from '@govflow/contracts';
import { createEventProducer, type EventMetadata, type RecordedEvent, toKafkaMessage } from '@govflow/messaging';

const system = { id: 'registration-service', role: 'system' };
let position = BigInt(Date.now()) << 20n;

export function envelope(
  streamId: string,
  version: number,
  type: string,
  data: Record<string, unknown>,
  metadata: Partial<EventMetadata> & { correlationId: string },
  occurredAt = new Date(),
): RecordedEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    version,
    position: ++position,
    occurredAt,
    data,
    metadata: { actor: system, causationId: randomUUID(), ...metadata },
  };
}

/** The envelope the service stores for one task event (type TaskOpened …, data the TaskEventRecord). */
export function taskEvent(
  task: { taskId: string; caseId: string; workflowId: string; kind?: string },
  event: TaskEvent,
  occurredAt = new Date(event.at),
): RecordedEvent {
  const record: TaskEventRecord = {
    eventId: `${task.taskId}#${event.sequence}`,
    taskId: task.taskId,
    caseId: task.caseId,
    kind: task.kind ?? 'registration-review',
    event,
    workflow: { workflowId: task.workflowId, runId: randomUUID() },
  };
  const actor: Actor | undefined = 'actor' in event ? event.actor : undefined;
  const reason = 'reason' in event ? event.reason : undefined;
  return envelope(
    `task-${task.taskId}`,
    event.sequence,
    taskEventType(event.type),
    { ...record },
    {
      correlationId: task.caseId,
      ...(actor && { actor }),
      ...(reason && { reason }),
      workflow: record.workflow,
    },
    occurredAt,
  );
}

export const opened = (sequence: number, candidateGroup: CandidateGroup, dueAt: string): TaskEvent => ({
  type: 'opened',
  sequence,
  at: new Date().toISOString(),
  candidateGroup,
  dueAt,
});

export async function connectProducer(
  kafka: Kafka,
): Promise<Producer & { publish(topic: Topic, ...events: RecordedEvent[]): Promise<void> }> {
  const producer = createEventProducer(kafka);
  await producer.connect();
  return Object.assign(producer, {
    async publish(topic: Topic, ...events: RecordedEvent[]) {
      await producer.send({ topic, acks: -1, messages: events.map(toKafkaMessage) });
    },
  });
}
