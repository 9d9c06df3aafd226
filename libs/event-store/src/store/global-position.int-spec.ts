import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError, EventStore, migrate, START_POSITION, type StoredEvent } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { newEvent } from '../../../../test/support/event-fixtures';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('EventStore global position', () => {
  let database: TestDatabase;
  let sut: EventStore;

  beforeEach(async () => {
    database = await createTestDatabase('es_position', 30);
    await migrate(database.pool);
    sut = new EventStore(database.pool);
  });
  afterEach(() => database.drop());

  it('shows a reader the event of an older transaction that commits after a younger one was read', async () => {
    // The trap of a sequence: the older transaction takes the larger number, commits first and is read;
    // the younger one commits later with a smaller number, below the reader's checkpoint, and is skipped.
    const olderHasId = deferred();
    const youngerAppended = deferred();
    const releaseYounger = deferred();
    const older = sut.transaction(async (db) => {
      await db.query('SELECT pg_current_xact_id()');
      olderHasId.resolve();
      await youngerAppended.promise;
      await sut.append('older', 'no_stream', [newEvent('Older')]);
    });
    const younger = sut.transaction(async () => {
      await olderHasId.promise;
      await sut.append('younger', 'no_stream', [newEvent('Younger')]);
      youngerAppended.resolve();
      await releaseYounger.promise;
    });

    await older;
    const firstRead = await sut.readAll(START_POSITION, 100);
    releaseYounger.resolve();
    await younger;
    const secondRead = await sut.readAll(firstRead.at(-1)!.position, 100);

    expect(firstRead.map((e) => e.type)).toEqual(['Older']);
    expect(secondRead.map((e) => e.type)).toEqual(['Younger']);
  });

  it('is not held back by a long transaction in another database, only by those in its own', async () => {
    const other = await createTestDatabase('es_position_other', 2);
    const otherClient = await other.pool.connect();
    const ownClient = await database.pool.connect();
    try {
      await otherClient.query('BEGIN');
      await otherClient.query('SELECT pg_current_xact_id()');
      await sut.append('case-1', 'no_stream', [newEvent('First')]);
      expect((await sut.readAll(START_POSITION, 10)).map((e) => e.type)).toEqual(['First']);

      await ownClient.query('BEGIN');
      await ownClient.query('SELECT pg_current_xact_id()');
      await sut.append('case-1', 1, [newEvent('Second')]);
      expect((await sut.readAll(START_POSITION, 10)).map((e) => e.type)).toEqual(['First']);
      await ownClient.query('COMMIT');
      expect((await sut.readAll(START_POSITION, 10)).map((e) => e.type)).toEqual(['First', 'Second']);
    } finally {
      await otherClient.query('ROLLBACK');
      otherClient.release();
      ownClient.release();
      await other.drop();
    }
  });

  it('gives a reader that follows concurrent writers on many streams every event once, in order', async () => {
    const writers = 8;
    const appendsPerWriter = 40;
    let writing = true;
    const seen: StoredEvent[] = [];
    const committed = async () =>
      Number((await database.pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);
    const reader = (async () => {
      let checkpoint = START_POSITION;
      // Follow the writers, then read on until everything committed was seen (or fail with what is missing).
      for (let deadline = Infinity; Date.now() < deadline;) {
        const finished = !writing;
        const batch = await sut.readAll(checkpoint, 37);
        seen.push(...batch);
        checkpoint = batch.at(-1)?.position ?? checkpoint;
        if (batch.length > 0) continue;
        if (finished && seen.length >= (await committed())) return;
        if (finished && deadline === Infinity) deadline = Date.now() + 20000;
        await sleep(1);
      }
    })();

    await Promise.all(Array.from({ length: writers }, (_, writer) => write(writer, appendsPerWriter)));
    writing = false;
    await reader;

    const { rows } = await database.pool.query<{ event_id: string }>('SELECT event_id FROM event_store.events');
    expect(rows.length).toBeGreaterThan(writers * appendsPerWriter);
    expect(seen.map((e) => e.eventId).sort()).toEqual(rows.map((r) => r.event_id).sort());
    const positions = seen.map((e) => e.position);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    const versionsByStream = new Map<string, number[]>();
    for (const e of seen) versionsByStream.set(e.streamId, [...(versionsByStream.get(e.streamId) ?? []), e.version]);
    for (const versions of versionsByStream.values()) expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  /** Mixes single-statement appends with transactions that take their id early and linger, and retries losers. */
  async function write(writer: number, appends: number): Promise<void> {
    for (let done = 0; done < appends;) {
      const streamId = `stream-${Math.floor(Math.random() * 12)}`;
      const events = Array.from({ length: 1 + (done % 3) }, () => newEvent('Written', { writer }));
      try {
        if (done % 2 === 0) await sut.append(streamId, 'any', events);
        else {
          await sut.transaction(async (db) => {
            await db.query('SELECT pg_current_xact_id()');
            await sleep(Math.random() * 3);
            await sut.append(streamId, 'any', events);
            await sleep(Math.random() * 3);
          });
        }
        done += 1;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }
});
