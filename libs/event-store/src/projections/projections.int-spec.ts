import type { Producer } from 'kafkajs';
import type { Topic } from '@govflow/contracts';
import {
  EventStore,
  migrate,
  OutboxRelay,
  ProjectionRunner,
  rebuildProjection,
  startKafkaProjection,
} from '@govflow/event-store';
import { createEventProducer, createKafka, type RunningConsumer } from '@govflow/messaging';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventually, newEvent } from '../../../../test/support/event-fixtures';
import { createTopics } from '../../../../test/support/kafka-test-helpers';
import { CaseSummaryProjection, type CaseSummaryRow } from '../../../../test/support/case-summary.projection';

describe('Projections', () => {
  let database: TestDatabase;
  let store: EventStore;
  const projection = new CaseSummaryProjection();

  beforeEach(async () => {
    database = await createTestDatabase('es_projection');
    await migrate(database.pool);
    store = new EventStore(database.pool);
  });
  afterEach(() => database.drop());

  const rowsOf = async (table: string) =>
    (await database.pool.query<CaseSummaryRow>(`SELECT * FROM ${table} ORDER BY stream_id`)).rows;

  async function write(writers: number, appendsEach: number): Promise<void> {
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let i = 0; i < appendsEach; i++) {
          const events = [newEvent('Paid', { amount: i }), newEvent(i % 2 ? 'Reviewed' : 'Noted')];
          await store.append(`case-${(writer * 7 + i) % 25}`, 'any', events);
        }
      }),
    );
  }

  /** The projection computed straight from the stream of every case, to compare tables with. */
  async function expectedRows(): Promise<CaseSummaryRow[]> {
    const { rows } = await database.pool.query<{ stream_id: string }>(
      'SELECT DISTINCT stream_id FROM event_store.events ORDER BY stream_id',
    );
    return Promise.all(
      rows.map(async ({ stream_id }) => {
        const events = await store.readStream(stream_id);
        const last = events.at(-1)!;
        const total = events.reduce((sum, e) => sum + (typeof e.data.amount === 'number' ? e.data.amount : 0), 0);
        return {
          stream_id,
          events: events.length,
          last_type: last.type,
          last_version: last.version,
          total: String(total),
        };
      }),
    );
  }

  it('keeps a projection up to date from the store, each event applied once', async () => {
    const sut = new ProjectionRunner(store, projection, { batchSize: 17 });
    await write(4, 20);
    expect(await sut.catchUp()).toBe(160);
    await write(2, 10);
    expect(await sut.catchUp()).toBe(40);

    expect(await rowsOf('case_summary')).toEqual(await expectedRows());
  });

  it('rebuilds into a shadow table that equals the live projection, and swaps it in', async () => {
    const runner = new ProjectionRunner(store, projection);
    await write(4, 50);
    await runner.catchUp();
    const live = await rowsOf('case_summary');

    const result = await rebuildProjection(store, projection, { batchSize: 64 });

    expect(result.events).toBe(400);
    expect(await rowsOf('case_summary')).toEqual(live);
    expect(live).toEqual(await expectedRows());
    const { rows: indexes } = await database.pool.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'case_summary' ORDER BY indexname`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['case_summary_last_type_idx', 'case_summary_pkey']);
  });

  it('rebuilds while writers and the live runner keep going, losing and doubling nothing', async () => {
    const runner = new ProjectionRunner(store, projection, { batchSize: 50, idlePollMs: 5 });
    await write(3, 40);
    runner.start();

    await Promise.all([write(3, 40), rebuildProjection(store, projection, { batchSize: 32 })]);
    await rebuildProjection(store, projection, { batchSize: 100 }); // a second rebuild reuses the shadow's name
    await runner.stop();
    await runner.catchUp();

    expect(await rowsOf('case_summary')).toEqual(await expectedRows());
  });

  describe('fed from Kafka', () => {
    const kafka = createKafka(uniqueId('projection-test'), servers.kafkaBrokers);
    let producer: Producer;
    let relay: OutboxRelay;
    let consumer: RunningConsumer;

    afterEach(async () => {
      await relay.stop();
      await Promise.allSettled([consumer.stop(), producer.disconnect()]);
    });

    it('builds the same table as the projection fed from the store', async () => {
      const [topic] = (await createTopics(kafka, 'projection', 1)) as Topic[];
      producer = createEventProducer(kafka);
      await producer.connect();
      relay = new OutboxRelay(store, database.pool, producer, { topic: topic! });
      relay.start();
      const fromKafka = new CaseSummaryProjection('case-summary-kafka', 'case_summary_kafka');
      consumer = await startKafkaProjection(database.pool, kafka, fromKafka, {
        groupId: uniqueId('projection'),
        topics: [topic!],
        fromBeginning: true,
      });

      await write(4, 25);
      const count = async (table: string) =>
        Number((await database.pool.query(`SELECT coalesce(sum(events), 0) AS n FROM ${table}`)).rows[0].n);
      // catchUp() stops at the visibility horizon, which the Kafka consumer's open transactions may hold back.
      const runner = new ProjectionRunner(store, projection);
      await eventually('every event projected from the store', async () => {
        await runner.catchUp();
        return (await count('case_summary')) === 200;
      });
      const expected = await rowsOf('case_summary');
      await eventually('every event projected from Kafka', async () => (await count('case_summary_kafka')) === 200);

      expect(await rowsOf('case_summary_kafka')).toEqual(expected);
    });
  });
});
