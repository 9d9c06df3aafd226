import type { PoolClient } from 'pg';
import { EventStore, migrate } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { newEvent } from '../../../../test/support/event-fixtures';
import { AuditIntegrator } from './audit-integrator';
import { generateSigningKey } from './checkpoint-note';
import { allCheckpoints } from './checkpoint-store';
import { verifyLog, type AuditProblemKind } from './verify-log';

const origin = 'govflow.test/tamper';
const STREAMS = 40;
const POSITIONS = 100;

/**
 * Every kind of tampering at POSITIONS places each, in one seeded log: each tampering runs in a transaction that
 * verify reads through and that is then rolled back, so the next one starts from the clean log again.
 */
describe('verify names every tampering at many positions', () => {
  let database: TestDatabase;
  let integrator: AuditIntegrator;
  let published: string[];
  let events: { event_id: string; stream_id: string; version: number; position: string; transaction_id: string }[];

  beforeAll(async () => {
    database = await createTestDatabase('es_tamper', 4);
    await migrate(database.pool);
    const store = new EventStore(database.pool);
    integrator = new AuditIntegrator(database.pool, {
      origin,
      signer: { name: origin, privateKey: generateSigningKey() },
      checkpointEveryLeaves: 16,
    });
    for (let s = 0; s < STREAMS; s++) {
      await store.append(`case-${s}`, 'no_stream', [newEvent('Submitted', { fee: s }), newEvent('Reviewed')]);
      await store.append(`case-${s}`, 2, [newEvent('Approved', { by: 'officer-7' })]);
      if (s % 7 === 0) await integrator.tick(true);
    }
    await integrator.catchUp();
    published = (await allCheckpoints(database.pool)).map((c) => c.note);
    events = (
      await database.pool.query<(typeof events)[number]>(
        'SELECT event_id, stream_id, version, position::text, transaction_id::text FROM event_store.events ORDER BY position',
      )
    ).rows;
  });
  afterAll(() => database.drop());

  const pick = (i: number) => events[(i * 37) % events.length]!;

  async function tampered(work: (db: PoolClient) => Promise<unknown>, outside: string[] = []) {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await work(client);
      return await verifyLog(client, { origin, verifierKeys: [integrator.verifierKey], outsideNotes: outside });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  const tally = new Map<AuditProblemKind, number>();
  afterAll(() => process.stderr.write(`tamper positions detected and named: ${JSON.stringify([...tally])}\n`));
  const expectNamed = (kind: AuditProblemKind, problems: { kind: string; streamId?: string }[], streamId?: string) => {
    expect(problems).toContainEqual(expect.objectContaining(streamId ? { kind, streamId } : { kind }));
    tally.set(kind, (tally.get(kind) ?? 0) + 1);
  };

  it('finds the clean log clean', async () => {
    expect(await tampered(() => Promise.resolve(), published)).toMatchObject({ ok: true, problems: [] });
  });

  it(`an edited event, at ${POSITIONS} positions`, async () => {
    for (let i = 0; i < POSITIONS; i++) {
      const e = pick(i);
      const field = ['data', 'metadata', 'type', 'occurred_at'][i % 4];
      const report = await tampered((db) =>
        db.query(
          field === 'type'
            ? 'UPDATE event_store.events SET type = type || $2 WHERE event_id = $1'
            : field === 'occurred_at'
              ? `UPDATE event_store.events SET occurred_at = occurred_at + interval '1 second' WHERE event_id = $1 AND $2 <> ''`
              : `UPDATE event_store.events SET ${field} = ${field} || jsonb_build_object('x', $2::text) WHERE event_id = $1`,
          [e.event_id, 'x'],
        ),
      );
      expectNamed('edited', report.problems, e.stream_id);
    }
  });

  it(`a deleted event and a deleted whole stream, at ${POSITIONS} positions each`, async () => {
    for (let i = 0; i < POSITIONS; i++) {
      const e = pick(i);
      const one = await tampered((db) => db.query('DELETE FROM event_store.events WHERE event_id = $1', [e.event_id]));
      expectNamed('deleted-event', one.problems, e.stream_id);
      const all = await tampered((db) =>
        db.query('DELETE FROM event_store.events WHERE stream_id = $1', [e.stream_id]),
      );
      expectNamed('deleted-stream', all.problems, e.stream_id);
    }
  });

  it(`reordering, inserting into the past and truncating, at ${POSITIONS} positions each`, async () => {
    for (let i = 0; i < POSITIONS; i++) {
      const [a, b] = [pick(i), pick(i + 1 + (i % 5))];
      const reordered = await tampered(async (db) => {
        const move = (id: string, position: string) =>
          db.query(
            `UPDATE event_store.events SET position = $2::bigint, transaction_id = ((($2::bigint) >> 20)::text)::xid8
             WHERE event_id = $1`,
            [id, position],
          );
        await move(a.event_id, '1');
        await move(b.event_id, a.position);
        await move(a.event_id, b.position);
      });
      expectNamed('reordered', reordered.problems, a.stream_id);

      const inserted = await tampered((db) =>
        db.query(
          `INSERT INTO event_store.events (position, transaction_id, event_id, stream_id, version, type, schema_version,
             data, metadata, occurred_at, hash)
           VALUES ($1::bigint + 900, $2::xid8, gen_random_uuid(), 'forged', 1, 'Approved', 1, '{}', '{}', now(), 'x')`,
          [a.position, a.transaction_id],
        ),
      );
      expectNamed('inserted', inserted.problems, 'forged');

      const size = 1 + ((i * 13) % (STREAMS * 4 - 1));
      const truncated = await tampered(async (db) => {
        await db.query(
          `DELETE FROM event_store.events WHERE event_id IN
             (SELECT event_id FROM event_store.audit_leaf WHERE log_index >= $1)`,
          [size],
        );
        await db.query('DELETE FROM event_store.audit_leaf WHERE log_index >= $1', [size]);
        await db.query('DELETE FROM event_store.audit_checkpoint WHERE tree_size > $1', [size]);
      }, published);
      expectNamed('truncated', truncated.problems);
    }
  });

  it('a checkpoint whose note was rewritten, at every stored checkpoint', async () => {
    for (const note of published) {
      const size = note.split('\n')[1]!;
      const report = await tampered((db) =>
        db.query(`UPDATE event_store.audit_checkpoint SET note = replace(note, $2, $3) WHERE tree_size = $1`, [
          size,
          `\n${size}\n`,
          `\n${Number(size) + 1}\n`,
        ]),
      );
      expectNamed('bad-checkpoint', report.problems);
    }
  });
});
