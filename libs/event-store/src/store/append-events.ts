import { randomUUID } from 'node:crypto';
import { assertEventMetadata, type EventMetadata } from '@govflow/messaging';
import type { Queryable } from '../transactions/unit-of-work';
import { ConcurrencyError } from './concurrency-error';
import { hashEvent, toJsonValue } from './event-hash';
import type { AppendResult, ExpectedVersion, NewEvent, StoredEvent } from './event-types';
import { MAX_EVENTS_PER_TRANSACTION, POSITION_SHIFT } from './position';
import type { StreamHead } from './stream-heads';

export interface AppendContext {
  db: Queryable;
  /** The transaction's first free event slot (see reserveEventSlots). */
  firstSlot: number;
  /** The stream's head if known from a committed append or read; saves reading it. */
  cachedHead?: StreamHead;
}

const UNIQUE_VIOLATION = '23505';
const VERSION_TAKEN = 'events_stream_id_version_key';

const readHead = 'SELECT version, hash FROM event_store.events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1';

// One statement, so an append outside a transaction is still atomic. It inserts nothing when the stream's last
// event was written by a younger transaction: this one's events would then sort before it in the global order.
const insertEvents = `
  WITH inserted AS (
    INSERT INTO event_store.events
      (position, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, previous_hash, hash)
    SELECT (pg_current_xact_id()::text::bigint << ${POSITION_SHIFT}) + $3 + e.slot, e.event_id, $1, e.version,
           e.type, e.schema_version, e.data, e.metadata, e.occurred_at, e.previous_hash, e.hash
    FROM jsonb_to_recordset($2::jsonb) AS e(event_id uuid, version int, type text, schema_version int,
         data jsonb, metadata jsonb, occurred_at timestamptz, previous_hash text, hash text, slot int)
    WHERE NOT EXISTS (SELECT FROM event_store.events
                      WHERE stream_id = $1 AND version = $4 AND transaction_id > pg_current_xact_id())
    RETURNING position)
  SELECT min(position) AS first_position FROM inserted`;

export async function appendEvents(
  context: AppendContext,
  streamId: string,
  expectedVersion: ExpectedVersion,
  newEvents: readonly NewEvent[],
): Promise<AppendResult> {
  if (newEvents.length === 0) throw new Error('append needs at least one event');
  if (context.firstSlot + newEvents.length > MAX_EVENTS_PER_TRANSACTION) {
    throw new Error(`a transaction may append at most ${MAX_EVENTS_PER_TRANSACTION} events`);
  }
  const head = await headFor(context, streamId, expectedVersion);
  const events = sealEvents(streamId, head, newEvents);
  let firstPosition: string | null | undefined;
  try {
    const { rows } = await context.db.query<{ first_position: string | null }>({
      name: 'event_store.append',
      text: insertEvents,
      values: [streamId, JSON.stringify(events.map(toRecord)), context.firstSlot, head.version],
    });
    firstPosition = rows[0]?.first_position;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code !== UNIQUE_VIOLATION || constraint !== VERSION_TAKEN) throw error;
    throw new ConcurrencyError(streamId, expectedVersion, undefined, 'another writer appended first');
  }
  if (!firstPosition) throw new ConcurrencyError(streamId, expectedVersion, head.version, 'transaction too old');
  // One append's events take consecutive slots of its transaction.
  const first = BigInt(firstPosition);
  return {
    nextExpectedVersion: head.version + events.length,
    events: events.map((event, index) => ({ ...event, position: first + BigInt(index) })),
  };
}

async function headFor(context: AppendContext, streamId: string, expected: ExpectedVersion): Promise<StreamHead> {
  // A new stream needs no read: the unique (stream_id, version) index rejects a concurrent creator.
  if (expected === 'no_stream' || expected === 0) return { version: 0, hash: null };
  if (expected !== 'any' && context.cachedHead?.version === expected) return context.cachedHead;
  const { rows } = await context.db.query<StreamHead>({ name: 'event_store.head', text: readHead, values: [streamId] });
  const head = rows[0] ?? { version: 0, hash: null };
  if (expected !== 'any' && head.version !== expected) throw new ConcurrencyError(streamId, expected, head.version);
  return head;
}

function sealEvents(streamId: string, head: StreamHead, newEvents: readonly NewEvent[]): StoredEvent[] {
  let previousHash = head.hash;
  const normalized = new Map<EventMetadata, EventMetadata>(); // the events of one command share their metadata
  return newEvents.map((event, index) => {
    let metadata = normalized.get(event.metadata);
    if (!metadata) {
      assertEventMetadata(event.metadata);
      metadata = toJsonValue(event.metadata);
      normalized.set(event.metadata, metadata);
    }
    const content = {
      eventId: event.eventId ?? randomUUID(),
      streamId,
      version: head.version + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: toJsonValue(event.data),
      metadata,
      occurredAt: event.occurredAt ?? new Date(),
      previousHash,
    };
    const hash = hashEvent(content);
    previousHash = hash;
    return { ...content, hash, position: -1n };
  });
}

/** The row shape jsonb_to_recordset reads; `slot` is the event's place in this append. */
const toRecord = (e: StoredEvent, slot: number) => ({
  slot,
  event_id: e.eventId,
  version: e.version,
  type: e.type,
  schema_version: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
  occurred_at: e.occurredAt.toISOString(),
  previous_hash: e.previousHash,
  hash: e.hash,
});
