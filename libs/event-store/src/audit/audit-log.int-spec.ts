import { EventStore, migrate } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { newEvent } from '../../../../test/support/event-fixtures';
import { hashChildren, hashLeaf } from '../merkle/hashing';
import { rangeHash } from '../merkle/proofs';
import { AuditIntegrator } from './audit-integrator';
import { generateSigningKey, openCheckpoint, signCheckpoint } from './checkpoint-note';
import { allCheckpoints } from './checkpoint-store';
import { verifyLog, type AuditProblem } from './verify-log';
import { laterCheckpointFor, receiptFor } from './receipt-store';
import { verifyReceipt } from './receipt';

const origin = 'govflow.test/audit';

describe(AuditIntegrator.name, () => {
  let database: TestDatabase;
  let store: EventStore;
  let sut: AuditIntegrator;
  const signer = { name: origin, privateKey: generateSigningKey() };

  beforeEach(async () => {
    database = await createTestDatabase('es_audit');
    await migrate(database.pool);
    store = new EventStore(database.pool);
    sut = new AuditIntegrator(database.pool, { origin, signer, checkpointEveryLeaves: 7 });
  });
  afterEach(() => database.drop());

  const seed = async (streams: number, from = 0) => {
    for (let s = from; s < from + streams; s++) {
      await store.append(`case-${s}`, 'no_stream', [newEvent('Submitted', { fee: 100 + s }), newEvent('Reviewed')]);
      await store.append(`case-${s}`, 2, [newEvent('Approved', { by: 'officer-7' })]);
    }
  };
  const verify = (outsideNotes: string[] = []) =>
    verifyLog(database.pool, { origin, verifierKeys: [sut.verifierKey], outsideNotes });

  /** What someone with write access to the database could do, past the append-only triggers. */
  async function tamper(sql: string, params: unknown[] = []) {
    const client = await database.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(sql, params);
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
  }
  const row = async (stream: string, version: number) =>
    (
      await database.pool.query<{ position: string; event_id: string; transaction_id: string }>(
        'SELECT position, event_id, transaction_id::text FROM event_store.events WHERE stream_id = $1 AND version = $2',
        [stream, version],
      )
    ).rows[0]!;
  const kinds = (problems: AuditProblem[]) => problems.map((p) => p.kind);

  it('gives dense indices, a leaf per stream creation and per event, and signs consistent checkpoints', async () => {
    await seed(3);
    expect(await sut.catchUp()).toBe(3 * 4);
    await seed(2, 3);
    expect(await sut.catchUp()).toBe(5 * 4);
    const leaves = await database.pool.query<{ log_index: string; kind: string; leaf_hash: Buffer }>(
      'SELECT log_index, kind, leaf_hash FROM event_store.audit_leaf ORDER BY log_index',
    );
    expect(leaves.rows.map((r) => Number(r.log_index))).toEqual([...Array(20).keys()]);
    expect(leaves.rows.filter((r) => r.kind === 'stream-created')).toHaveLength(5);
    const checkpoints = await allCheckpoints(database.pool);
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    for (const c of checkpoints) {
      const opened = openCheckpoint(c.note, sut.verifierKey, origin);
      const perfect = (level: number, index: number): Buffer =>
        level === 0
          ? leaves.rows[index]!.leaf_hash
          : hashChildren(perfect(level - 1, 2 * index), perfect(level - 1, 2 * index + 1));
      const root = rangeHash(0, opened.size, perfect);
      expect(opened.root).toEqual(root);
    }
    expect(await verify()).toMatchObject({ ok: true, treeSize: 20, checkpointSize: 20, problems: [] });
  });

  it('answers a receipt once a checkpoint covers the event, that an outsider verifies', async () => {
    await seed(2);
    const { events } = await store.append('case-9', 'no_stream', [newEvent('Submitted', { fee: 1 })]);
    const eventId = events[0]!.eventId;
    expect(await receiptFor(database.pool, origin, eventId)).toEqual({ status: 'pending' });
    await sut.tick(false);
    await sut.catchUp();
    const answer = await receiptFor(database.pool, origin, eventId);
    if (answer.status !== 'ready') throw new Error(`no receipt: ${answer.status}`);
    expect(verifyReceipt(answer.receipt, sut.verifierKey)).toMatchObject({ eventId, logIndex: 9 });
    await seed(3, 10);
    await sut.catchUp();
    const later = await laterCheckpointFor(database.pool, 10);
    expect(verifyReceipt({ ...answer.receipt, later }, sut.verifierKey)).toMatchObject({ laterSize: 10 + 12 });
    expect(await receiptFor(database.pool, origin, '00000000-0000-4000-8000-000000000000')).toEqual({
      status: 'unknown',
    });
  });

  describe('verify names each tampering, wherever it is', () => {
    beforeEach(async () => {
      await seed(6);
      await sut.catchUp();
    });

    it.each([0, 2, 5])('an edited event in stream case-%i', async (s) => {
      await tamper(`UPDATE event_store.events SET data = '{"fee": 1}' WHERE stream_id = $1 AND version = 1`, [
        `case-${s}`,
      ]);
      const { ok, problems } = await verify();
      expect(ok).toBe(false);
      expect(problems).toEqual([expect.objectContaining({ kind: 'edited', streamId: `case-${s}`, version: 1 })]);
    });

    it.each([
      [0, 1],
      [3, 2],
      [5, 3],
    ])('a deleted event: case-%i version %i', async (s, version) => {
      await tamper('DELETE FROM event_store.events WHERE stream_id = $1 AND version = $2', [`case-${s}`, version]);
      const { problems } = await verify();
      expect(problems).toEqual([expect.objectContaining({ kind: 'deleted-event', streamId: `case-${s}`, version })]);
    });

    it.each([0, 4, 5])('a deleted whole stream case-%i', async (s) => {
      await tamper('DELETE FROM event_store.events WHERE stream_id = $1', [`case-${s}`]);
      const { problems } = await verify();
      expect(problems).toEqual([expect.objectContaining({ kind: 'deleted-stream', streamId: `case-${s}` })]);
    });

    it.each([
      [0, 1],
      [2, 4],
    ])('two events swapped in the global order: case-%i and case-%i', async (a, b) => {
      const [first, second] = [await row(`case-${a}`, 3), await row(`case-${b}`, 3)];
      const move = (event: string, position: string) =>
        tamper(
          `UPDATE event_store.events SET position = $2::bigint,
             transaction_id = ((($2::bigint) >> 20)::text)::xid8 WHERE event_id = $1`,
          [event, position],
        );
      await move(first.event_id, '1');
      await move(second.event_id, first.position);
      await move(first.event_id, second.position);
      const { problems } = await verify();
      expect(kinds(problems)).toEqual(['reordered', 'reordered']);
      expect(problems.map((p) => p.streamId)).toEqual([`case-${a}`, `case-${b}`]);
    });

    it.each([0, 3])('an event inserted into the past next to case-%i', async (s) => {
      const neighbour = await row(`case-${s}`, 1);
      await tamper(
        `INSERT INTO event_store.events (position, transaction_id, event_id, stream_id, version, type, schema_version,
           data, metadata, occurred_at, hash)
         VALUES ($1::bigint + 900, $2::xid8, gen_random_uuid(), 'forged', 1, 'Approved', 1, '{}', '{}', now(), 'x')`,
        [neighbour.position, neighbour.transaction_id],
      );
      const { problems } = await verify();
      expect(problems).toEqual([expect.objectContaining({ kind: 'inserted', streamId: 'forged', version: 1 })]);
    });

    it.each([4, 10])(
      'a tail truncated to %i leaves with its checkpoints, seen against the published one',
      async (size) => {
        const published = (await allCheckpoints(database.pool)).map((c) => c.note);
        await tamper(
          'DELETE FROM event_store.events WHERE event_id IN (SELECT event_id FROM event_store.audit_leaf WHERE log_index >= $1)',
          [size],
        );
        await tamper('DELETE FROM event_store.audit_leaf WHERE log_index >= $1', [size]);
        await tamper('DELETE FROM event_store.audit_checkpoint WHERE tree_size > $1', [size]);
        const { problems } = await verify(published);
        expect(kinds(problems)).toContain('truncated');
        expect(problems.find((p) => p.kind === 'truncated')).toMatchObject({ logIndex: size });
        expect(kinds(await verify().then((r) => r.problems))).toEqual([]); // without the outside copy it cannot show
      },
    );

    it('a forged checkpoint, and one whose note was rewritten', async () => {
      const forger = { name: origin, privateKey: generateSigningKey() };
      const fake = signCheckpoint({ origin, size: 999, root: hashLeaf(Buffer.from('x')) }, forger);
      await tamper(
        `INSERT INTO event_store.audit_checkpoint (tree_size, root_hash, note, key_id) VALUES (999, '\\x00', $1, 'k')`,
        [fake],
      );
      await tamper(
        `UPDATE event_store.audit_checkpoint SET note = replace(note, E'\\n24\\n', E'\\n23\\n') WHERE tree_size = 24`,
      );
      const { problems } = await verify();
      expect(kinds(problems)).toEqual(['bad-checkpoint', 'bad-checkpoint']);
      expect(problems.map((p) => p.detail).join()).toMatch(
        /database 24: signature .* does not verify,database 999: no signature/,
      );
    });

    it('a leaf rewritten to match an edited event breaks the signed root', async () => {
      await tamper(`UPDATE event_store.events SET data = '{"fee": 1}' WHERE stream_id = 'case-1' AND version = 1`);
      await tamper(
        `UPDATE event_store.audit_leaf SET leaf_hash = '\\x${'00'.repeat(32)}' WHERE stream_id = 'case-1' AND version = 1`,
      );
      const { problems } = await verify();
      expect(kinds(problems)).toContain('edited');
      expect(problems.some((p) => /do not give the root signed/.test(p.detail))).toBe(true);
    });
  });
});
