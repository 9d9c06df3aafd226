import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { z } from 'zod';

/** Who caused an event: a person (with role and department) or a system component. */
export interface Actor {
  id: string;
  role: string;
  department?: string;
}

/** Why and by whom an event happened; stored with the event and covered by its hash. */
export interface EventMetadata {
  actor: Actor;
  /** Required where a person decided (approve, refuse, object). */
  reason?: string;
  correlationId: string;
  causationId: string;
  /** Set when a Temporal workflow caused the event. */
  workflow?: { workflowId: string; runId: string };
}

export type EventData = Record<string, unknown>;

/** An event as readers see it, whether read from the store or from Kafka. */
export interface RecordedEvent<TData extends EventData = EventData> {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  version: number;
  /** Global position; bigint because it outgrows Number.MAX_SAFE_INTEGER. */
  position: bigint;
  occurredAt: Date;
  data: TData;
  metadata: EventMetadata;
}

const metadataSchema = z.object({
  actor: z.object({ id: z.string().min(1), role: z.string().min(1), department: z.string().optional() }),
  reason: z.string().optional(),
  correlationId: z.string().min(1),
  causationId: z.string().min(1),
  workflow: z.object({ workflowId: z.string(), runId: z.string() }).optional(),
});

const envelopeSchema = z.object({
  eventId: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  streamId: z.string().min(1),
  version: z.number().int().positive(),
  position: z.string().regex(/^\d+$/),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
  metadata: metadataSchema,
});

export const EnvelopeHeader = {
  EventType: 'event-type',
  EventId: 'event-id',
  CorrelationId: 'correlation-id',
} as const;

/** Throws when metadata lacks what the audit trail needs (actor, correlation and causation ids). */
export function assertEventMetadata(metadata: unknown): asserts metadata is EventMetadata {
  metadataSchema.parse(metadata);
}

/** The Kafka message for an event: keyed by stream id so one entity's events stay in one partition, in order. */
export function toKafkaMessage(event: RecordedEvent): Message {
  const value = JSON.stringify({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    version: event.version,
    position: event.position.toString(),
    occurredAt: event.occurredAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  });
  const headers: IHeaders = {
    [EnvelopeHeader.EventType]: event.type,
    [EnvelopeHeader.EventId]: event.eventId,
    [EnvelopeHeader.CorrelationId]: event.metadata.correlationId,
  };
  return { key: event.streamId, value, headers };
}

/** Parses and validates an envelope; throws on anything that is not one (a poison message). */
export function fromKafkaMessage(message: Pick<KafkaMessage, 'value'>): RecordedEvent {
  if (!message.value) throw new Error('Kafka message has no value');
  const envelope = envelopeSchema.parse(JSON.parse(message.value.toString('utf8')));
  return { ...envelope, position: BigInt(envelope.position), occurredAt: new Date(envelope.occurredAt) };
}
