import type { Kafka } from 'kafkajs';
import { Pool, PoolClient } from 'pg';
import { Topic } from '@govflow/contracts';
import {
  fromKafkaMessage,
  type RecordedEvent,
  type RetryPolicy,
  type RunningConsumer,
  startRetryingConsumer,
} from '@govflow/messaging';
import { inTransaction } from '../transactions/unit-of-work';

export interface InboxConsumerOptions {
  groupId: string;
  topics: Topic[];
  /** Runs in the transaction that records the event in the inbox; store calls on the same pool inside join it. */
  handle: (event: RecordedEvent, db: PoolClient) => Promise<void>;
  /** The inbox key; defaults to the group id. */
  consumerName?: string;
  retry?: Partial<RetryPolicy>;
  deadLetterTopic?: Topic;
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
}

/**
 * Consumes event envelopes exactly once in effect: the inbox row (consumer, event id) and the handler's writes
 * commit together, so a redelivered event finds its row and changes nothing. Failures are retried with backoff
 * and then dead-lettered (see startRetryingConsumer); a message that is not an envelope fails every attempt.
 */
export function startInboxConsumer(pool: Pool, kafka: Kafka, options: InboxConsumerOptions): Promise<RunningConsumer> {
  const consumer = options.consumerName ?? options.groupId;
  return startRetryingConsumer(kafka, {
    groupId: options.groupId,
    topics: options.topics,
    retry: options.retry,
    deadLetterTopic: options.deadLetterTopic,
    fromBeginning: options.fromBeginning,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
    handle: async (message) => {
      const event = fromKafkaMessage(message);
      await inTransaction(pool, async (db) => {
        if ((await recordInInbox(db, consumer, [event])).has(event.eventId)) await options.handle(event, db);
      });
    },
    // A fetched batch in one transaction: one commit instead of one per message.
    handleBatch: async (messages) => {
      const events = messages.map(fromKafkaMessage);
      await inTransaction(pool, async (db) => {
        const fresh = await recordInInbox(db, consumer, events);
        for (const event of events) if (fresh.delete(event.eventId)) await options.handle(event, db);
      });
    },
  });
}

/** Inserts the events' inbox rows; returns the ids not recorded before (a redelivered event is not among them). */
async function recordInInbox(db: PoolClient, consumer: string, events: RecordedEvent[]): Promise<Set<string>> {
  const { rows } = await db.query<{ message_id: string }>(
    `INSERT INTO event_store.inbox (consumer, message_id) SELECT $1, unnest($2::text[])
     ON CONFLICT DO NOTHING RETURNING message_id`,
    [consumer, events.map((event) => event.eventId)],
  );
  return new Set(rows.map((row) => row.message_id));
}
