import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { Topic } from '@govflow/contracts';
import { migrate, startInboxConsumer } from '@govflow/event-store';
import {
  createEventProducer,
  createKafka,
  DeadLetterHeader,
  type RecordedEvent,
  type RunningConsumer,
  toKafkaMessage,
} from '@govflow/messaging';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventually, metadataFor } from '../../../../test/support/event-fixtures';
import { collectMessages, createTopics, type Collected } from '../../../../test/support/kafka-test-helpers';

describe(startInboxConsumer.name, () => {
  const kafka = createKafka(uniqueId('inbox-test'), servers.kafkaBrokers);
  let database: TestDatabase;
  let producer: Producer;
  let consumers: RunningConsumer[];
  let collected: Collected | undefined;
  let topic: Topic;
  let deadLetter: Topic;
  let version = 0;

  const paid = (amount: number, streamId = 'grant-1'): RecordedEvent => ({
    eventId: randomUUID(),
    type: 'GrantPaid',
    schemaVersion: 1,
    streamId,
    version: ++version,
    position: BigInt(version),
    occurredAt: new Date(),
    data: { amount },
    metadata: metadataFor(),
  });
  const publish = (...events: (RecordedEvent | string)[]) =>
    producer.send({
      topic,
      messages: events.map((e) => (typeof e === 'string' ? { key: 'grant-1', value: e } : toKafkaMessage(e))),
    });
  const appliedIds = async () =>
    (await database.pool.query<{ event_id: string }>('SELECT event_id FROM payments ORDER BY seq')).rows.map(
      (r) => r.event_id,
    );
  const failures = new Map<string, number>();

  function consume(options: { groupId: string; consumerName?: string; failFirst?: Map<string, number> }) {
    return startInboxConsumer(database.pool, kafka, {
      groupId: options.groupId,
      consumerName: options.consumerName,
      topics: [topic],
      deadLetterTopic: deadLetter,
      fromBeginning: true,
      retry: { attempts: 3, initialDelayMs: 10, maxDelayMs: 40 },
      handle: async (event, db) => {
        await db.query('INSERT INTO payments (event_id, amount) VALUES ($1, $2)', [event.eventId, event.data.amount]);
        const amount = Number(event.data.amount);
        if (amount < 0) throw new RangeError(`negative payment ${amount}`);
        const left = options.failFirst?.get(event.eventId) ?? 0;
        failures.set(event.eventId, (failures.get(event.eventId) ?? 0) + 1);
        if (left > 0) {
          options.failFirst!.set(event.eventId, left - 1);
          throw new Error('finance system unavailable');
        }
      },
    }).then((consumer) => (consumers.push(consumer), consumer));
  }

  beforeEach(async () => {
    database = await createTestDatabase('es_inbox');
    await migrate(database.pool);
    await database.pool.query('CREATE TABLE payments (seq bigserial, event_id uuid UNIQUE, amount int)');
    [topic, deadLetter] = (await createTopics(kafka, 'inbox', 2, 1)) as [Topic, Topic];
    producer = createEventProducer(kafka);
    await producer.connect();
    consumers = [];
    failures.clear();
  });
  afterEach(async () => {
    await Promise.allSettled([...consumers.map((c) => c.stop()), producer.disconnect(), collected?.stop()]);
    await database.drop();
  });

  it('applies a redelivered event once, whether duplicated on the topic or replayed from the start', async () => {
    const [first, second, last] = [paid(100), paid(200), paid(300)];
    await publish(first, second, first, last);
    const consumerName = 'payments';
    const consumer = await consume({ groupId: uniqueId('inbox-group'), consumerName });
    await eventually('the last event applied', async () => (await appliedIds()).includes(last.eventId));
    expect(await appliedIds()).toEqual([first.eventId, second.eventId, last.eventId]);

    // Offsets lost (a new group reads from the start): every event is delivered again, to the same inbox.
    await consumer.stop();
    const afterReplay = paid(400);
    await publish(afterReplay);
    await consume({ groupId: uniqueId('inbox-group'), consumerName });
    await eventually('the event after the replay applied', async () =>
      (await appliedIds()).includes(afterReplay.eventId),
    );

    expect(await appliedIds()).toEqual([first.eventId, second.eventId, last.eventId, afterReplay.eventId]);
    expect(failures.get(first.eventId)).toBe(1);
  });

  it('dead-letters a poison message with its error after the retries, and goes on with the others', async () => {
    // Published before the consumer starts, each group most likely arrives as one batch: a failure inside a
    // batch's transaction rolls it all back, then its messages are handled one by one.
    const [flaky, poison, after, last] = [paid(100), paid(-5), paid(300), paid(400)];
    await publish(flaky, poison, after);
    await consume({ groupId: uniqueId('inbox-group'), failFirst: new Map([[flaky.eventId, 2]]) });
    await eventually('the message after the poison applied', async () => (await appliedIds()).includes(after.eventId));
    await publish('{not json', last);

    await eventually('the last message applied', async () => (await appliedIds()).includes(last.eventId));
    collected = await collectMessages(kafka, deadLetter);
    await eventually('two dead letters', () => Promise.resolve(collected!.messages.length === 2));

    expect(await appliedIds()).toEqual([flaky.eventId, after.eventId, last.eventId]);
    expect(failures.get(flaky.eventId)).toBeGreaterThanOrEqual(3);
    const headers = collected.messages.map((m) =>
      Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])),
    );
    expect(headers[0]).toMatchObject({
      [DeadLetterHeader.Topic]: topic,
      [DeadLetterHeader.Offset]: '1',
      [DeadLetterHeader.Attempts]: '3',
      [DeadLetterHeader.Error]: 'RangeError: negative payment -5',
    });
    expect(headers[1]).toMatchObject({ [DeadLetterHeader.Offset]: '3', [DeadLetterHeader.Error]: /SyntaxError/ });
    expect(collected.messages[1]!.value?.toString()).toBe('{not json');
    const { rows } = await database.pool.query<{ message_id: string }>(
      'SELECT message_id FROM event_store.inbox ORDER BY processed_at',
    );
    expect(rows.map((r) => r.message_id)).toEqual([flaky.eventId, after.eventId, last.eventId]);
  });
});
