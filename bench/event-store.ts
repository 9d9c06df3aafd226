// npm run bench:event-store — the event store's throughput and latency against the local servers.
// Each phase gets a fresh database; progress goes to stderr; the last line on stdout is one JSON object.
import { randomUUID } from 'node:crypto';
import type { Topic } from '@govflow/contracts';
import {
  EventStore,
  migrate,
  type NewEvent,
  OutboxRelay,
  rebuildProjection,
  startInboxConsumer,
} from '@govflow/event-store';
import { createEventProducer, createKafka, type EventMetadata } from '@govflow/messaging';
import { servers, uniqueId } from '../test/support/servers';
import { createTestDatabase } from '../test/support/test-database';
import { createTopics } from '../test/support/kafka-test-helpers';
import { CaseSummaryProjection } from '../test/support/case-summary.projection';
import { closedLoop, log, nowMs, openLoop, percentile, round } from './measure';

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 8000);
const REBUILD_EVENTS = 200_000;

const metadata: EventMetadata = {
  actor: { id: 'officer-7', role: 'registration-officer', department: 'market-regulation' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
};
const event = (i: number): NewEvent => ({
  type: 'ApplicationReviewed',
  data: { amount: i % 1000, note: 'documents complete', checks: ['name', 'domicile', 'scope'] },
  metadata,
});
const batchOf100 = Array.from({ length: 100 }, (_, i) => event(i));

/** Runs `phase` against a store in a new database, after a checkpoint so the previous phase's writes settle. */
async function withFreshStore<T>(name: string, phase: (store: EventStore) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(`bench_${name}`, 24);
  try {
    await migrate(database.pool);
    await database.pool.query('CHECKPOINT');
    return await phase(new EventStore(database.pool));
  } finally {
    await database.drop();
  }
}

/** Batches of 100 events, each to a new stream, from `writers` concurrent writers; events per second. */
async function appendBatches(store: EventStore, writers: number): Promise<number> {
  let streams = 0;
  const { steps, seconds } = await closedLoop(writers, PHASE_MS, async () => {
    await store.append(`batch-${writers}-${streams++}`, 'no_stream', batchOf100);
  });
  return (steps * 100) / seconds;
}

/** Single-event appends at the stream's expected version, 16 concurrent writers with 50 streams each. */
async function commandsWith16Writers(store: EventStore): Promise<number> {
  const versions = new Map<string, number>();
  const { steps, seconds } = await closedLoop(16, PHASE_MS, async (writer) => {
    const streamId = `writer-${writer}-case-${versions.size % 50}`;
    const result = await store.append(streamId, versions.get(streamId) ?? 'no_stream', [event(writer)]);
    versions.set(streamId, result.nextExpectedVersion);
  });
  return steps / seconds;
}

/** The same commands started at 1000/s whatever the latency; latencies from each scheduled start. */
async function appendLatencyAt1000PerSec(store: EventStore): Promise<number[]> {
  const versions = new Map<string, number>();
  return openLoop(1000, PHASE_MS, async (i) => {
    const streamId = `paced-case-${i % 2000}`;
    const result = await store.append(streamId, versions.get(streamId) ?? 'no_stream', [event(i)]);
    versions.set(streamId, result.nextExpectedVersion);
  });
}

/** Rebuilds a projection over a store seeded with REBUILD_EVENTS events; events per second of the rebuild. */
async function rebuild(store: EventStore): Promise<number> {
  await Promise.all(
    Array.from({ length: 4 }, async (_, writer) => {
      for (let i = 0; i < REBUILD_EVENTS / 400; i++) await store.append(`seed-${writer}-${i}`, 'no_stream', batchOf100);
    }),
  );
  await store.pool.query('CHECKPOINT');
  const started = nowMs();
  const { events } = await rebuildProjection(store, new CaseSummaryProjection(), { batchSize: 5000 });
  return events / ((nowMs() - started) / 1000);
}

/** Appends at 500 events/s with the relay and an inbox consumer running; latency from commit to handler. */
async function outboxToConsumer(store: EventStore): Promise<number[]> {
  const kafka = createKafka(uniqueId('bench'), servers.kafkaBrokers);
  const [topic] = (await createTopics(kafka, 'bench-outbox', 1)) as Topic[];
  const producer = createEventProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay(store, store.pool, producer, { topic: topic! });
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = await startInboxConsumer(store.pool, kafka, {
    groupId: uniqueId('bench'),
    topics: [topic!],
    partitionsConsumedConcurrently: 3,
    handle: (received) => {
      const committed = committedAt.get(received.eventId);
      if (committed !== undefined) latencies.push(nowMs() - committed);
      return Promise.resolve();
    },
  });
  try {
    relay.start();
    await openLoop(500, PHASE_MS, async (i) => {
      const { events } = await store.append(`outbox-case-${i}`, 'no_stream', [event(i)]);
      committedAt.set(events[0]!.eventId, nowMs());
    });
    for (const deadline = nowMs() + 30000; latencies.length < committedAt.size && nowMs() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    log(`  ${latencies.length}/${committedAt.size} events reached the consumer`);
    return latencies;
  } finally {
    await relay.stop();
    await consumer.stop();
    await producer.disconnect();
  }
}

async function main() {
  log('single-event commands paced at 1000/s');
  const paced = await withFreshStore('paced', appendLatencyAt1000PerSec);
  log(`  p50 ${round(percentile(paced, 50), 2)} ms, p99 ${round(percentile(paced, 99), 2)} ms`);
  log('outbox to consumer at 500 events/s');
  const delivered = await withFreshStore('outbox', outboxToConsumer);
  log(`  p50 ${round(percentile(delivered, 50), 2)} ms, p99 ${round(percentile(delivered, 99), 2)} ms`);
  log('append, batches of 100 events, 1 writer, then 4 writers');
  const [oneWriter, appendEventsPerSecBatch100] = await withFreshStore(
    'batch',
    async (store) => [await appendBatches(store, 1), await appendBatches(store, 4)] as const,
  );
  log(`  ${round(oneWriter, 0)} and ${round(appendEventsPerSecBatch100, 0)} events/s`);
  log('single-event commands, 16 writers');
  const commandsPerSec16Writers = await withFreshStore('writers', commandsWith16Writers);
  log(`  ${round(commandsPerSec16Writers, 0)} commands/s\nrebuild a projection of ${REBUILD_EVENTS} events`);
  const rebuildEventsPerSec = await withFreshStore('rebuild', rebuild);
  log(`  ${round(rebuildEventsPerSec, 0)} events/s`);
  const result = {
    appendEventsPerSecBatch100: round(appendEventsPerSecBatch100, 0),
    commandsPerSec16Writers: round(commandsPerSec16Writers, 0),
    appendP99MsAt1000PerSec: round(percentile(paced, 99), 2),
    rebuildEventsPerSec: round(rebuildEventsPerSec, 0),
    outboxToConsumerP50Ms: round(percentile(delivered, 50), 2),
    outboxToConsumerP99Ms: round(percentile(delivered, 99), 2),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  log(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
