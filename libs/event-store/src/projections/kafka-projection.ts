import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { type RunningConsumer } from '@govflow/messaging';
import { type InboxConsumerOptions, startInboxConsumer } from '../inbox/inbox-consumer';
import { inTransaction } from '../transactions/unit-of-work';
import { assertTableName, type Projection } from './projection';

/**
 * Feeds a projection from Kafka, for read models of other services' events (their stores are out of reach).
 * The checkpoint is the consumer group's offsets; the inbox makes a redelivered event a no-op.
 */
export async function startKafkaProjection(
  pool: Pool,
  kafka: Kafka,
  projection: Projection,
  options: Omit<InboxConsumerOptions, 'handle' | 'consumerName'>,
): Promise<RunningConsumer> {
  assertTableName(projection.table);
  await inTransaction(pool, (db) => projection.createTable(db, projection.table));
  return startInboxConsumer(pool, kafka, {
    ...options,
    consumerName: `projection:${projection.name}`,
    handle: (event, db) => projection.apply(db, projection.table, [event]),
  });
}
