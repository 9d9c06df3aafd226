import { randomUUID } from 'node:crypto';
import { eventually } from '../../testing/booted-gateway';
import { type AuditStack, json, useAuditStack } from './audit-stack.fixture';

jest.setTimeout(120_000);

describe('the audit API over HTTP: the time machine, and verifying the signed logs of two services', () => {
  const stack = useAuditStack();

  it('rebuilds a case as of an instant and diffs two instants, for administrators, logging each query', async () => {
    const caseId = randomUUID();
    await eventually(
      () =>
        stack.gateway.database.pool
          .query<{ t: string | null }>(`SELECT to_regclass('audit_events') AS t`)
          .then((r) => r.rows[0]?.t),
      (t) => !!t,
    );
    // The audit trail as it holds a case's events once they have arrived from every service's topic.
    for (const [service, stream, version, type, at] of [
      ['registration', 'establishment-9', 1, 'ApplicationSubmitted', '2026-11-02T01:00:00Z'],
      ['registration', 'establishment-9', 2, 'LicenseIssued', '2026-11-03T01:00:00Z'],
      ['tax', 'tax-record-9', 1, 'TaxRecordOpened', '2026-11-03T01:00:05Z'],
    ] as const) {
      await stack.gateway.database.pool.query(
        `INSERT INTO audit_events (event_id, case_id, topic, service, type, stream_id, version, position, occurred_at,
           actor_id, actor_role) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, 'x', 'registrant')`,
        [randomUUID(), caseId, `${service}.events`, service, type, stream, version, at],
      );
    }
    const state = await json<{ streams: { streamId: string; version: number }[] }>(
      await stack.gateway.get(`/api/audit/cases/${caseId}/state?at=2026-11-02T12:00:00%2B08:00`, 'admin'),
    );
    expect(state).toMatchObject({ status: 200, body: { streams: [{ streamId: 'establishment-9', version: 1 }] } });
    const diff = await json(
      await stack.gateway.get(
        `/api/audit/cases/${caseId}/diff?from=2026-11-02T12:00:00Z&to=2026-11-04T00:00:00Z`,
        'admin',
      ),
    );
    expect(diff.body).toMatchObject({
      streams: [
        { streamId: 'establishment-9', fromVersion: 1, toVersion: 2 },
        { streamId: 'tax-record-9', fromVersion: 0, toVersion: 1 },
      ],
    });
    expect(await json(await stack.gateway.get(`/api/audit/cases/${caseId}/state?at=yesterday`, 'admin'))).toMatchObject(
      {
        status: 400,
        body: { errors: [{ field: 'at' }] },
      },
    );
    expect(
      (await stack.gateway.get(`/api/audit/cases/${caseId}/state?at=2026-11-02T12:00:00Z`, 'registrant1')).status,
    ).toBe(403);
    const operations = await json<{ action: string; target: string }[]>(
      await stack.gateway.get('/api/audit/operations', 'admin'),
    );
    expect(operations.body.slice(0, 2).map((o) => [o.action, o.target])).toEqual([
      ['audit.time-machine-diff', caseId],
      ['audit.time-machine', caseId],
    ]);
  });

  it('verifies for administrators only, and names an edit in one service and a truncation in the other', async () => {
    expect((await stack.gateway.post('/api/audit/verify', {}, 'registrant1')).status).toBe(403);
    // The gateway keeps a copy of each published checkpoint: wait until it holds tax's full one.
    await eventually(
      () =>
        stack.gateway.database.pool.query<{ size: string | null }>(
          `SELECT max(tree_size) AS size FROM audit_checkpoint_copies WHERE origin = $1`,
          [stack.tax.origin],
        ),
      (r) => Number(r.rows[0]?.size) === 6,
    );
    expect(
      await json(await stack.gateway.post('/api/audit/verify', { reason: 'x'.repeat(501) }, 'admin')),
    ).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'reason' }] },
    });
    expect(await json(await stack.gateway.post('/api/audit/verify', { reason: '季度核查' }, 'admin'))).toMatchObject({
      status: 200,
      body: {
        ok: true,
        services: [
          { service: 'registration', ok: true, treeSize: expect.any(Number) },
          { service: 'tax', ok: true, treeSize: 6 },
          { service: 'permits', ok: true, treeSize: 0 },
          { service: 'science-commission', ok: true, treeSize: 0 },
          { service: 'gateway', ok: true, treeSize: expect.any(Number) },
        ],
      },
    });

    const operations = await json<unknown[]>(await stack.gateway.get('/api/audit/operations', 'admin'));
    expect(operations.body[0]).toMatchObject({
      action: 'audit.verify',
      reason: '季度核查',
      outcome: { ok: true, problems: 0 },
      actor: { username: 'admin', role: 'administrator' },
    });
    expect((await stack.gateway.get('/api/audit/operations', 'registrant1')).status).toBe(403);

    const tamper = async (s: AuditStack['registration'], ...statements: string[]) => {
      const client = await s.database.pool.connect();
      try {
        await client.query('SET session_replication_role = replica');
        for (const sql of statements) await client.query(sql);
      } finally {
        await client.query('RESET session_replication_role');
        client.release();
      }
    };
    await tamper(
      stack.registration,
      `UPDATE event_store.events SET data = '{"forged": true}' WHERE stream_id = 'case-2' AND version = 2`,
    );
    await tamper(
      stack.tax,
      `DELETE FROM event_store.events WHERE stream_id = 'case-3'`,
      `DELETE FROM event_store.audit_leaf WHERE log_index >= 3`,
      `DELETE FROM event_store.audit_node WHERE (idx + 1) * 2 ^ level > 3`,
      `DELETE FROM event_store.audit_checkpoint WHERE tree_size > 3`,
    );
    const { body } = await json<{ ok: boolean; services: { problems: unknown[] }[] }>(
      await stack.gateway.post('/api/audit/verify', {}, 'admin'),
    );
    expect(body.ok).toBe(false);
    expect(body.services[0]?.problems).toEqual([
      expect.objectContaining({ kind: 'edited', streamId: 'case-2', version: 2 }),
    ]);
    expect(body.services[1]?.problems).toEqual([expect.objectContaining({ kind: 'truncated', logIndex: 3 })]);
  });
});
