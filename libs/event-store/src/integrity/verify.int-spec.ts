import { EventStore, migrate } from '@govflow/event-store';
import { hashEvent } from '../store/event-hash';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { newEvent } from '../../../../test/support/event-fixtures';

describe('EventStore.verify', () => {
  let database: TestDatabase;
  let sut: EventStore;

  beforeEach(async () => {
    database = await createTestDatabase('es_verify');
    await migrate(database.pool);
    sut = new EventStore(database.pool);
    for (const stream of ['case-a', 'case-b', 'case-c']) {
      await sut.append(stream, 'no_stream', [newEvent('Submitted', { fee: 100 }), newEvent('Reviewed')]);
      await sut.append(stream, 2, [newEvent('Approved', { by: 'officer-7' })]);
    }
  });
  afterEach(() => database.drop());

  /** What someone with write access to the database could do, past the append-only trigger. */
  async function tamper(sql: string, params: unknown[]) {
    const client = await database.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(sql, params);
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
  }

  const positionOf = async (stream: string, version: number) =>
    BigInt(
      (
        await database.pool.query('SELECT position FROM event_store.events WHERE stream_id = $1 AND version = $2', [
          stream,
          version,
        ])
      ).rows[0].position,
    );

  it('finds every chain intact', async () => {
    expect(await sut.verifyAll()).toEqual({ intact: true, eventsChecked: 9 });
    expect(await sut.verify('case-b')).toEqual({ intact: true, eventsChecked: 3 });
  });

  it('refuses UPDATE and DELETE of stored events', async () => {
    await expect(database.pool.query(`UPDATE event_store.events SET data = '{}'`)).rejects.toThrow(/append-only/);
    await expect(database.pool.query('DELETE FROM event_store.events')).rejects.toThrow(/append-only/);
  });

  it('names the stream and position of an event whose data was changed through SQL', async () => {
    await tamper(
      `UPDATE event_store.events SET data = jsonb_set(data, '{fee}', '1') WHERE stream_id = $1 AND version = 1`,
      ['case-b'],
    );
    const expected = {
      intact: false,
      streamId: 'case-b',
      version: 1,
      position: await positionOf('case-b', 1),
      problem: 'altered-event',
    };

    expect(await sut.verifyAll()).toEqual({ ...expected, eventsChecked: 9 });
    expect(await sut.verify('case-b')).toEqual({ ...expected, eventsChecked: 3 });
    expect(await sut.verify('case-a')).toEqual({ intact: true, eventsChecked: 3 });
  });

  it('reports the broken event with the lowest position when several streams are broken', async () => {
    // Streams are scanned in name order: "appended-last" is met first, but case-c's break came first in time.
    await sut.append('appended-last', 'no_stream', [newEvent('Submitted')]);
    await tamper(`UPDATE event_store.events SET type = 'Refused' WHERE stream_id = $1`, ['appended-last']);
    await tamper(`UPDATE event_store.events SET occurred_at = now() WHERE stream_id = $1 AND version = 1`, ['case-c']);

    expect(await sut.verifyAll()).toMatchObject({
      intact: false,
      streamId: 'case-c',
      version: 1,
      position: await positionOf('case-c', 1),
    });
  });

  it('catches a rewrite that also recomputed the hash at the next event, as a broken link', async () => {
    const [, second] = await sut.readStream('case-a');
    const forged = { ...second!, data: { forged: true } };
    await tamper('UPDATE event_store.events SET data = $2, hash = $3 WHERE event_id = $1', [
      second!.eventId,
      JSON.stringify(forged.data),
      hashEvent(forged),
    ]);

    expect(await sut.verify('case-a')).toMatchObject({ intact: false, version: 3, problem: 'broken-link' });
  });

  it('reports a deleted event as missing', async () => {
    await tamper('DELETE FROM event_store.events WHERE stream_id = $1 AND version = 2', ['case-a']);

    expect(await sut.verify('case-a')).toMatchObject({
      intact: false,
      version: 3,
      position: await positionOf('case-a', 3),
      problem: 'missing-event',
    });
  });
});
