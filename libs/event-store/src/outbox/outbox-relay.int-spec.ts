import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Producer } from 'kafkajs';
import type { Topic } from '@govflow/contracts';
import { EventStore, migrate, OutboxRelay } from '@govflow/event-store';
import { createEventProducer, createKafka, EnvelopeHeader, fromKafkaMessage } from '@govflow/messaging';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventually, newEvent } from '../../../../test/support/event-fixtures';
import {
  collectMessages,
  createTopics,
  messageCount,
  type Collected,
} from '../../../../test/support/kafka-test-helpers';

const root = path.resolve(__dirname, '../../../..');

describe(OutboxRelay.name, () => {
  const kafka = createKafka(uniqueId('relay-test'), servers.kafkaBrokers);
  let database: TestDatabase;
  let store: EventStore;
  let producers: Producer[];
  let relays: OutboxRelay[];
  let collected: Collected | undefined;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('es_relay');
    await migrate(database.pool);
    store = new EventStore(database.pool);
    producers = [];
    relays = [];
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.allSettled([...producers.map((p) => p.disconnect()), collected?.stop()]);
    await database.drop();
  });

  async function startRelay(topic: string): Promise<OutboxRelay> {
    const producer = createEventProducer(kafka);
    await producer.connect();
    producers.push(producer);
    const relay = new OutboxRelay(store, database.pool, producer, { topic: topic as Topic, standbyPollMs: 100 });
    relays.push(relay);
    relay.start();
    return relay;
  }

  const lastPosition = async () =>
    (await database.pool.query<{ max: string | null }>('SELECT max(position) FROM event_store.events')).rows[0]!.max;
  const relayCheckpoint = async () =>
    (await database.pool.query<{ position: string }>('SELECT position FROM event_store.relay_checkpoints')).rows[0]
      ?.position;

  it('publishes committed events as keyed envelopes, each stream in order', async () => {
    const [topic] = await createTopics(kafka, 'relay-order', 1);
    await startRelay(topic!);
    for (let i = 0; i < 10; i++)
      await store.append(`case-${i % 3}`, 'any', [newEvent('Step', { i }), newEvent('Step')]);

    collected = await collectMessages(kafka, topic!);
    await eventually('20 messages', () => Promise.resolve(collected!.messages.length === 20));

    const events = collected.messages.map(fromKafkaMessage);
    for (const [i, message] of collected.messages.entries()) {
      expect(message.key?.toString()).toBe(events[i]!.streamId);
      expect(message.headers?.[EnvelopeHeader.EventType]?.toString()).toBe('Step');
      expect(message.headers?.[EnvelopeHeader.CorrelationId]?.toString()).toBe(events[i]!.metadata.correlationId);
    }
    for (const stream of ['case-0', 'case-1', 'case-2']) {
      const versions = events.filter((e) => e.streamId === stream).map((e) => e.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    expect(await store.readStream('case-0')).toMatchObject(events.filter((e) => e.streamId === 'case-0'));
  });

  it('publishes each event once while two relays run, and the standby takes over when the leader stops', async () => {
    const [topic] = await createTopics(kafka, 'relay-pair', 1);
    const write = (round: number) =>
      Promise.all(
        Array.from({ length: 6 }, async (_, writer) => {
          for (let i = 0; i < 15; i++) await store.append(`stream-${writer}`, 'any', [newEvent('Written', { round })]);
        }),
      );
    const caughtUp = async () => {
      const last = await lastPosition();
      await eventually('the relay checkpoint to reach the last event', async () => (await relayCheckpoint()) === last);
    };
    const leader = await startRelay(topic!);
    await eventually('the leader to take the lock', async () => (await relayCheckpoint()) !== undefined);
    await startRelay(topic!);

    await write(1);
    await caughtUp();
    await leader.stop();
    await write(2);
    await caughtUp();
    await Promise.all(relays.map((relay) => relay.stop()));

    expect(await messageCount(kafka, topic!)).toBe(180);
  });

  it('hands its connection back to the pool with durable commits again', async () => {
    const [topic] = await createTopics(kafka, 'relay-pool', 1);
    const relay = await startRelay(topic!);
    await eventually('the relay to take the lock', async () => (await relayCheckpoint()) !== undefined);
    await relay.stop();

    const clients = await Promise.all(Array.from({ length: 20 }, () => database.pool.connect()));
    const settings = await Promise.all(
      clients.map((c) => c.query<{ synchronous_commit: string }>('SHOW synchronous_commit')),
    );
    clients.forEach((c) => c.release());
    expect(new Set(settings.map((s) => s.rows[0]!.synchronous_commit))).toEqual(new Set(['on']));
  });

  it('publishes, after a restart, an event whose relay was killed between commit and publish', async () => {
    const topic = uniqueId('relay-crash'); // not created yet: the first relay can read the event but never publish it
    await store.append('case-crash', 'no_stream', [newEvent('Committed')]);
    child = spawn(
      process.execPath,
      ['-r', './test/support/swc-register.js', 'test/fixtures/event-store/relay-process.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          KAFKA_BROKERS: servers.kafkaBrokers.join(','),
          TOPIC: topic,
        },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually('the relay process to start publishing', () => Promise.resolve(output.includes('publishing')));
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(await relayCheckpoint()).toBe('0');

    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();
    await startRelay(topic);

    collected = await collectMessages(kafka, topic);
    await eventually('the event on Kafka', () => Promise.resolve(collected!.messages.length === 1));
    expect(fromKafkaMessage(collected.messages[0]!)).toMatchObject({ streamId: 'case-crash', type: 'Committed' });
    await eventually('the checkpoint to move', async () => (await relayCheckpoint()) === (await lastPosition()));
    expect(await messageCount(kafka, topic)).toBe(1);
  });
});
