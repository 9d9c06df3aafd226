// A 3-broker KRaft cluster of its own (infra's KAFKA_BROKERS_COUNT=3, ports 49092-49097 unless
// KAFKA_CLUSTER_TEST_PORT moves them, state in <INFRA_DIR>/kafka-cluster-test): a steady stream of messages is
// produced with the project's producer, and events committed to an event store (a throwaway database on the
// PostgreSQL of PG_ADMIN_URL) are published by the services' outbox relay, while each broker in turn is SIGKILLed
// and restarted on its data; then every acknowledged message and every committed event must be read back.
// Prints one JSON line with the counts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigResourceTypes, type Kafka, logLevel, type Producer } from 'kafkajs';
import { Topic } from '@govflow/contracts';
import { EventStore, migrate, OutboxRelay } from '@govflow/event-store';
import { createEventProducer, createKafka, fromKafkaMessage } from '@govflow/messaging';
import { eventually, newEvent } from './support/event-fixtures';
import { uniqueId } from './support/servers';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const root = path.resolve(__dirname, '..');
const localDir = path.resolve(process.env.INFRA_DIR ?? path.join(root, '.local'));
const firstPort = Number(process.env.KAFKA_CLUSTER_TEST_PORT || 49092);
const clusterEnv = {
  ...process.env,
  KAFKA_BROKERS_COUNT: '3',
  KAFKA_PORT: String(firstPort),
  KAFKA_CONTROLLER_PORT: String(firstPort + 1),
  INFRA_DIR: path.join(localDir, 'kafka-cluster-test'),
  INFRA_KAFKA_LIBS: process.env.INFRA_KAFKA_LIBS ?? path.join(localDir, 'kafka', 'libs'),
};
const brokers = [0, 2, 4].map((offset) => `127.0.0.1:${firstPort + offset}`);
const topic = Topic.RegistrationEvents; // created by infra: 3 partitions, 3 replicas, min.insync.replicas 2

const run = promisify(execFile);
const dev = (...args: string[]) =>
  run(process.execPath, [path.join(root, 'infra', 'dev.mjs'), ...args], { env: clusterEnv, cwd: root });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends batches of numbered messages one after another until stopped; a failed batch is sent again as is. */
function steadyStream(producer: Producer) {
  const acked = new Set<number>();
  let next = 0;
  let failedSends = 0;
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const batch = Array.from({ length: 10 }, (_, i) => next + i);
      next += batch.length;
      for (;;) {
        try {
          await producer.send({
            topic,
            acks: -1,
            messages: batch.map((n) => ({ key: `stream-${n % 7}`, value: String(n) })),
          });
          batch.forEach((n) => acked.add(n));
          break;
        } catch {
          failedSends++;
          await sleep(200);
        }
      }
      await sleep(20);
    }
  })();
  return {
    acked,
    failedSends: () => failedSends,
    stop: async () => {
      stopping = true;
      await loop;
    },
  };
}

/** Commits one event after another to streams of the store, until stopped; the relay publishes them. */
function steadyEvents(store: EventStore) {
  let appended = 0;
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      await store.append(`case-${appended % 7}`, 'any', [newEvent('StepTaken', { n: appended })]);
      appended++;
      await sleep(25);
    }
  })();
  return {
    appended: () => appended,
    stop: async () => {
      stopping = true;
      await loop;
    },
  };
}

/** How many times each id was read from `from`, once every expected id was seen (or after 60 s). */
async function readAll<T>(
  kafka: Kafka,
  from: string,
  expected: Set<T>,
  idOf: (value: Buffer) => T,
): Promise<Map<T, number>> {
  const seen = new Map<T, number>();
  const consumer = kafka.consumer({ groupId: uniqueId('cluster-check'), maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: from, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const id = idOf(message.value!);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      return Promise.resolve();
    },
  });
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline && [...expected].some((n) => !seen.has(n))) await sleep(250);
  await sleep(1000); // late duplicates, if any, arrive too
  await consumer.disconnect();
  return seen;
}

const countAll = (seen: Map<unknown, number>) => [...seen.values()].reduce((a, b) => a + b, 0);
const countRepeated = (seen: Map<unknown, number>) => [...seen.values()].filter((times) => times > 1).length;

describe('a 3-broker Kafka cluster (KAFKA_BROKERS_COUNT=3)', () => {
  let kafka: Kafka;
  let database: TestDatabase;
  const relayTopic = uniqueId('cluster-relay');

  beforeAll(async () => {
    await dev('down', 'kafka'); // an earlier run's brokers, by their pid files
    fs.rmSync(path.join(clusterEnv.INFRA_DIR, 'kafka-cluster'), { recursive: true, force: true });
    await dev('up', 'kafka');
    // Every refused connection to a killed broker would log an error: the figures say what matters.
    kafka = createKafka(uniqueId('cluster-test'), brokers, { logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    // No replication settings given: the brokers' defaults (3 replicas, 2 in sync) apply, as for apps' topics.
    // kafkajs's waitForLeaders can ask a broker the new topic has not reached yet; wait for the leaders here.
    await admin.createTopics({ topics: [{ topic: relayTopic, numPartitions: 3 }], waitForLeaders: false });
    await eventually('leaders for the relay topic', async () => {
      const found = await admin.fetchTopicMetadata({ topics: [relayTopic] }).catch(() => undefined);
      const partitions = found?.topics[0]?.partitions ?? [];
      return partitions.length === 3 && partitions.every((p) => p.leader >= 0 && p.replicas.length === 3);
    });
    await admin.disconnect();
    database = await createTestDatabase('kafka_cluster');
    await migrate(database.pool);
  }, 180000);

  afterAll(async () => {
    await Promise.allSettled([database?.drop(), dev('down', 'kafka')]);
  }, 120000);

  it('loses no acknowledged message while each broker in turn is killed and restarted', async () => {
    const began = Date.now();
    const { stdout } = await dev('env');
    expect(stdout).toContain(`export KAFKA_BROKERS=${brokers.join(',')}`);

    const admin = kafka.admin();
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
    });
    await admin.disconnect();
    expect(topics[0]?.partitions.map((p) => p.replicas.length)).toEqual([3, 3, 3]);
    expect(configs.resources[0]?.configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue).toBe(
      '2',
    );

    const producer = createEventProducer(kafka);
    const relayProducer = createEventProducer(kafka);
    await Promise.all([producer.connect(), relayProducer.connect()]);
    const store = new EventStore(database.pool);
    const relay = new OutboxRelay(store, database.pool, relayProducer, {
      topic: relayTopic as Topic,
      standbyPollMs: 200,
    });
    relay.start();
    const events = steadyEvents(store);
    const stream = steadyStream(producer);
    const ackedWhileDown: Record<number, number> = {};
    for (const broker of [1, 2, 3]) {
      await sleep(1500);
      await dev('kill-broker', String(broker));
      const before = stream.acked.size;
      await sleep(8000); // the two others carry on once it is fenced (4 s): 2 in sync suffice for acks=all
      ackedWhileDown[broker] = stream.acked.size - before;
      await dev('restart-broker', String(broker));
      await dev('wait-in-sync'); // or the next kill would take a second copy of some partition away
    }
    await sleep(1500);
    await Promise.all([stream.stop(), events.stop()]);
    await producer.disconnect();
    const lastPosition = async () =>
      (await database.pool.query<{ max: string }>('SELECT max(position)::text AS max FROM event_store.events')).rows[0]
        ?.max;
    const checkpoint = async () =>
      (await database.pool.query<{ position: string }>('SELECT position::text FROM event_store.relay_checkpoints'))
        .rows[0]?.position;
    const last = await lastPosition();
    await eventually('the relay to publish every committed event', async () => (await checkpoint()) === last, 60000);
    await relay.stop();
    await relayProducer.disconnect();

    const seen = await readAll(kafka, topic, stream.acked, (value) => Number(value.toString()));
    const lost = [...stream.acked].filter((n) => !seen.has(n));
    const committed = new Set((await store.readAll(0n, 1_000_000)).map((event) => event.eventId));
    const published = await readAll(kafka, relayTopic, committed, (value) => fromKafkaMessage({ value }).eventId);
    const unpublished = [...committed].filter((id) => !published.has(id));
    const figures = {
      brokers: 3,
      kills: 3,
      acked: stream.acked.size,
      failedSends: stream.failedSends(),
      read: countAll(seen),
      lost: lost.length,
      duplicated: countRepeated(seen),
      ackedWhileDown,
      relay: {
        committed: committed.size,
        read: countAll(published),
        lost: unpublished.length,
        duplicated: countRepeated(published),
      },
      seconds: Math.round((Date.now() - began) / 1000),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);

    expect(lost).toEqual([]);
    expect(unpublished).toEqual([]);
    expect(committed.size).toBe(events.appended());
    for (const broker of [1, 2, 3]) expect(ackedWhileDown[broker]).toBeGreaterThan(0);
  }, 240000);
});
