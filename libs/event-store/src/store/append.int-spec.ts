import { ConcurrencyError, EventStore, migrate } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { metadataFor, newEvent } from '../../../../test/support/event-fixtures';

describe('EventStore.append', () => {
  let database: TestDatabase;
  let sut: EventStore;
  const count = async (streamId: string) =>
    Number(
      (await database.pool.query('SELECT count(*) FROM event_store.events WHERE stream_id = $1', [streamId])).rows[0]
        .count,
    );

  beforeAll(async () => {
    database = await createTestDatabase('es_append', 24);
    await migrate(database.pool);
    await migrate(database.pool); // idempotent
    sut = new EventStore(database.pool);
  });
  afterAll(() => database.drop());

  it('stores every field of the envelope and chains the hashes', async () => {
    const metadata = metadataFor({
      reason: 'documents complete',
      workflow: { workflowId: 'registration-case-1', runId: 'run-1' },
    });
    const occurredAt = new Date('2025-03-01T08:00:00.123Z');
    await sut.append('case-1', 'no_stream', [
      { type: 'ApplicationSubmitted', data: { name: '北京星河科技有限公司' }, metadata, occurredAt },
      { type: 'ApplicationApproved', schemaVersion: 2, data: { by: 'officer-7' }, metadata, occurredAt },
    ]);

    const [first, second] = await sut.readStream('case-1');
    expect(first).toMatchObject({
      streamId: 'case-1',
      version: 1,
      type: 'ApplicationSubmitted',
      schemaVersion: 1,
      occurredAt,
      data: { name: '北京星河科技有限公司' },
      metadata,
      previousHash: null,
    });
    expect(first!.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatchObject({ version: 2, schemaVersion: 2, previousHash: first!.hash });
    expect(second!.position).toBeGreaterThan(first!.position);
  });

  it('refuses a second creation of a stream and writes nothing', async () => {
    await sut.append('case-2', 'no_stream', [newEvent('ApplicationSubmitted')]);

    const attempt = sut.append('case-2', 'no_stream', [newEvent('ApplicationSubmitted'), newEvent('Other')]);

    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await count('case-2')).toBe(1);
  });

  it('refuses a stale expected version with a typed error and writes nothing', async () => {
    await sut.append('case-3', 'no_stream', [newEvent('A'), newEvent('B')]);

    const error = await sut.append('case-3', 1, [newEvent('C'), newEvent('D'), newEvent('E')]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'case-3', expectedVersion: 1, actualVersion: 2 });
    expect(await count('case-3')).toBe(2);
  });

  it('appends at any version when asked to, and to the expected one', async () => {
    expect((await sut.append('case-4', 'any', [newEvent('A')])).nextExpectedVersion).toBe(1);
    expect((await sut.append('case-4', 'any', [newEvent('B')])).nextExpectedVersion).toBe(2);
    expect((await sut.append('case-4', 2, [newEvent('C')])).nextExpectedVersion).toBe(3);
  });

  it('refuses metadata without actor, correlation or causation id', async () => {
    const incomplete = { actor: { id: 'x', role: 'officer' }, correlationId: '' } as never;
    await expect(sut.append('case-5', 'no_stream', [newEvent('A', {}, incomplete)])).rejects.toThrow();
    expect(await count('case-5')).toBe(0);
  });

  it('refuses an append from a transaction older than the one that wrote the stream head', async () => {
    // Its events would take positions before that head's, so readers would see version 2 before version 1.
    let takeId!: () => void;
    const idTaken = new Promise<void>((resolve) => (takeId = resolve));
    const older = sut.transaction(async (db) => {
      await db.query('SELECT pg_current_xact_id()');
      takeId();
      await younger;
      await sut.append('case-6', 1, [newEvent('FromOlder')]);
    });
    const younger = idTaken.then(() => sut.append('case-6', 'no_stream', [newEvent('FromYounger')]));

    await expect(older).rejects.toMatchObject({ name: 'ConcurrencyError', message: /transaction too old/ });
    expect((await sut.readStream('case-6')).map((e) => e.type)).toEqual(['FromYounger']);
  });

  it('reports a concurrency error when another process appended since this one cached the head', async () => {
    const otherProcess = new EventStore(database.pool);
    await sut.append('case-7', 'no_stream', [newEvent('A')]);
    await otherProcess.append('case-7', 1, [newEvent('B')]);

    await expect(sut.append('case-7', 1, [newEvent('C')])).rejects.toBeInstanceOf(ConcurrencyError);
    await sut.append('case-7', 2, [newEvent('C')]);
    expect(await sut.verify('case-7')).toEqual({ intact: true, eventsChecked: 3 });
  });

  it('chains the next append to the committed head after a transaction that appended rolled back', async () => {
    await sut.append('case-8', 'no_stream', [newEvent('A')]);
    const rolledBack = sut.transaction(async () => {
      await sut.append('case-8', 1, [newEvent('Lost')]);
      throw new Error('handler failed');
    });
    await expect(rolledBack).rejects.toThrow('handler failed');

    // A caller that believes the rolled-back append happened must be refused, not chained to the lost event.
    await expect(sut.append('case-8', 2, [newEvent('C')])).rejects.toMatchObject({ actualVersion: 1 });
    await sut.append('case-8', 1, [newEvent('B')]);

    expect((await sut.readStream('case-8')).map((e) => e.type)).toEqual(['A', 'B']);
    expect(await sut.verify('case-8')).toEqual({ intact: true, eventsChecked: 2 });
  });

  it('numbers the positions of several appends in one transaction in order', async () => {
    const appended = await sut.transaction(async () => [
      ...(await sut.append('case-9a', 'no_stream', [newEvent('A'), newEvent('B')])).events,
      ...(await sut.append('case-9b', 'no_stream', [newEvent('C')])).events,
    ]);
    const positions = appended.map((e) => e.position);
    expect(positions).toEqual([positions[0], positions[0]! + 1n, positions[0]! + 2n]);
  });

  it('lets exactly one of 16 concurrent writers win each version, with no gaps', async () => {
    const streamId = 'contended';
    const winners = new Map<number, number>();
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 16 }, async (_, writer) => {
        for (let won = 0; won < 5;) {
          const [last] = (await sut.readStream(streamId)).slice(-1);
          const version = last?.version ?? 0;
          try {
            await sut.append(streamId, version, [newEvent('Bumped', { writer })]);
            expect(winners.has(version + 1)).toBe(false);
            winners.set(version + 1, writer);
            won += 1;
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error;
            conflicts += 1;
          }
        }
      }),
    );

    const events = await sut.readStream(streamId);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(events.map((e) => e.data.writer)).toEqual(
      [...winners.entries()].sort(([a], [b]) => a - b).map(([, w]) => w),
    );
    expect(conflicts).toBeGreaterThan(0);
    expect(await sut.verify(streamId)).toEqual({ intact: true, eventsChecked: 80 });
  });
});
