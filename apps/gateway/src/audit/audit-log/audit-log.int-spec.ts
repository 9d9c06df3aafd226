import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventStore, migrate, verifyReceipt, type AuditReceipt } from '@govflow/event-store';
import { AuditLogModule, PlatformModule } from '@govflow/platform';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { createTestDatabase } from '../../../../../test/support/test-database';
import { newEvent } from '../../../../../test/support/event-fixtures';
import { bootGateway, eventually, type BootedGateway } from '../../testing/booted-gateway';

jest.setTimeout(120_000);

/** A service with an event store and its audit log, as registration and tax run it, on a database of its own. */
async function standIn(service: string, run: string) {
  const database = await createTestDatabase(`audit_${service.replace(/\W/g, '_')}`, 4);
  await migrate(database.pool);
  const env = {
    AUDIT_LOG_ORIGIN: `govflow.test/${run}/${service}`,
    GOVFLOW_LOCAL_DIR: mkdtempSync(path.join(tmpdir(), 'k-')),
  };
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        service,
        databaseUrl: database.url,
        kafkaBrokers: servers.kafkaBrokers,
        temporalAddress: servers.temporalAddress,
        temporalNamespace: servers.temporalNamespace,
        timeScale: 1,
      }),
      AuditLogModule.register(service, env),
    ],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return { database, app, url: await app.getUrl(), store: new EventStore(database.pool), origin: env.AUDIT_LOG_ORIGIN };
}

type StandIn = Awaited<ReturnType<typeof standIn>>;

describe('the audit API over HTTP (signed logs of two services)', () => {
  const run = uniqueId('run');
  let registration: StandIn;
  let tax: StandIn;
  let quiet: StandIn[]; // permits and the science commission, whose logs stay empty here
  let gateway: BootedGateway;
  const eventIds: string[] = [];

  beforeAll(async () => {
    let permits: StandIn, science: StandIn;
    [registration, tax, permits, science] = await Promise.all([
      standIn('registration', run),
      standIn('tax', run),
      standIn('permits', run),
      standIn('science-commission', run),
    ]);
    quiet = [permits, science];
    gateway = await bootGateway({
      env: {
        REGISTRATION_URL: registration.url,
        TAX_URL: tax.url,
        PERMITS_URL: permits.url,
        SCIENCE_COMMISSION_URL: science.url,
      },
    });
    for (const [i, s] of [registration, tax, registration, tax].entries()) {
      const { events } = await s.store.append(`case-${i}`, 'no_stream', [newEvent('Submitted'), newEvent('Reviewed')]);
      eventIds.push(events[0]!.eventId);
    }
  });
  afterAll(async () => {
    await gateway?.close();
    for (const s of [registration, tax, ...(quiet ?? [])]) {
      await s?.app.close();
      await s?.database.drop();
    }
  });

  const json = async <T = Record<string, unknown>>(response: Response) => ({
    status: response.status,
    body: (await response.json()) as T,
  });

  it('serves the public keys and the latest checkpoints without sign-in, and names a bad service', async () => {
    const keys = await json<{ origin: string }[]>(await gateway.get('/api/audit/public-keys'));
    expect(keys.status).toBe(200);
    expect(keys.body.map((k) => k.origin)).toEqual([
      registration.origin,
      tax.origin,
      ...quiet.map((s) => s.origin),
      expect.stringMatching(/\/gateway$/), // the gateway's own log: the administrators' actions
    ]);
    await eventually(
      () => gateway.get('/api/audit/checkpoints/latest?service=tax').then(json),
      (r) => r.status === 200 && r.body.size === 6,
    );
    expect(await json(await gateway.get('/api/audit/checkpoints/latest?service=land'))).toEqual({
      status: 400,
      body: { errors: [{ field: 'service', message: expect.stringContaining('registration, tax') }] },
    });
  });

  it('answers receipts to administrators that verify with the published key; others are refused', async () => {
    const keys = (await json<{ verifierKey: string }[]>(await gateway.get('/api/audit/public-keys'))).body;
    const [eventId] = eventIds;
    const answer = await eventually(
      () => gateway.get(`/api/audit/events/${eventId}/receipt`, 'admin').then(json),
      (r) => r.status === 200,
    );
    expect(verifyReceipt(answer.body as unknown as AuditReceipt, keys[0]!.verifierKey)).toMatchObject({ eventId });
    expect((await gateway.get(`/api/audit/events/${eventId}/receipt`, 'registrant1')).status).toBe(404);
    expect((await gateway.get(`/api/audit/events/${eventId}/receipt`, 'tax-officer1')).status).toBe(403);
    expect((await gateway.get(`/api/audit/events/${eventId}/receipt`)).status).toBe(401);
    expect(await json(await gateway.get('/api/audit/events/nope/receipt', 'admin'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'eventId' }] },
    });
    expect((await gateway.get(`/api/audit/events/${randomUUID()}/receipt`, 'admin')).status).toBe(404);
  });

  it('serves a receipt holder the proof that a later checkpoint still holds their tree; 404, 409 and 400 otherwise', async () => {
    const keys = (await json<{ verifierKey: string }[]>(await gateway.get('/api/audit/public-keys'))).body;
    const [eventId] = eventIds;
    const { body } = await eventually(
      () => gateway.get(`/api/audit/events/${eventId}/receipt`, 'admin').then(json<AuditReceipt>),
      (r) => r.status === 200,
    );
    const size = verifyReceipt(body, keys[0]!.verifierKey).checkpoint.size;
    const proofFrom = (from: unknown, service = 'registration') =>
      gateway.get(`/api/audit/consistency-proofs?service=${service}&from=${String(from)}`).then(json);
    const latest = await json<{ size: number }>(
      await gateway.get('/api/audit/checkpoints/latest?service=registration'),
    );
    expect(await proofFrom(latest.body.size)).toMatchObject({ status: 404 });
    expect(await proofFrom(latest.body.size + 1)).toMatchObject({ status: 409 });
    expect(await proofFrom(0)).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });
    expect(await proofFrom('1e3')).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });

    await registration.store.append(`later-${run}`, 'no_stream', [newEvent('Submitted')]);
    const later = await eventually(
      () => proofFrom(size),
      (r) => r.status === 200,
    );
    const withLater = { ...body, later: later.body as unknown as NonNullable<AuditReceipt['later']> };
    expect(verifyReceipt(withLater, keys[0]!.verifierKey).laterSize).toBeGreaterThan(size);
    const consistency = (later.body.consistency as string[]).slice(1);
    expect(() =>
      verifyReceipt({ ...withLater, later: { ...withLater.later, consistency } }, keys[0]!.verifierKey),
    ).toThrow(/consistency/);
  });

  it("answers the case's applicant the receipt of their own event", async () => {
    const eventId = eventIds[2]!;
    const caseId = randomUUID();
    // What the audit trail and the registrations read model hold once the event and the case have arrived.
    await gateway.database.pool.query(
      `INSERT INTO registration_cases (case_id, applicant_id, enterprise_name, currency, submitted_at, request_fingerprint)
       VALUES ($1, $2, '北京星河科技有限公司', 'CNY', now(), 'f')`,
      [caseId, await gateway.idOf('registrant2')],
    );
    await eventually(
      () =>
        gateway.database.pool
          .query<{ t: string | null }>(`SELECT to_regclass('audit_events') AS t`)
          .then((r) => r.rows[0]?.t),
      (t) => !!t,
    );
    await gateway.database.pool.query(
      `INSERT INTO audit_events (event_id, case_id, topic, service, type, stream_id, version, position, occurred_at,
         actor_id, actor_role) VALUES ($1, $2, 'registration.events', 'registration', 'Submitted', 'case-2', 1, 1, now(), 'x', 'registrant')`,
      [eventId, caseId],
    );
    const answer = await eventually(
      () => gateway.get(`/api/audit/events/${eventId}/receipt`, 'registrant2').then(json),
      (r) => r.status !== 202,
    );
    expect(answer).toMatchObject({ status: 200, body: { format: 'govflow.audit-receipt/v1' } });
    expect((await gateway.get(`/api/audit/events/${eventId}/receipt`, 'registrant1')).status).toBe(404);
  });

  it("finds the receipt of a case's application for its applicant: 202 until the event arrives, then 200", async () => {
    const eventId = eventIds[3]!;
    const caseId = randomUUID();
    const path = `/api/audit/cases/${caseId}/application-receipt`;
    await gateway.database.pool.query(
      `INSERT INTO registration_cases (case_id, applicant_id, enterprise_name, currency, submitted_at, request_fingerprint)
       VALUES ($1, $2, '北京星河科技有限公司', 'CNY', now(), 'f')`,
      [caseId, await gateway.idOf('registrant2')],
    );
    expect((await gateway.get(path, 'registrant2')).status).toBe(202);
    await gateway.database.pool.query(
      `INSERT INTO audit_events (event_id, case_id, topic, service, type, stream_id, version, position, occurred_at,
         actor_id, actor_role) VALUES ($1, $2, 'registration.events', 'registration', 'ApplicationSubmitted',
         'case-3', 1, 1, now(), 'x', 'registrant')`,
      [eventId, caseId],
    );
    const answer = await eventually(
      () => gateway.get(path, 'registrant2').then(json),
      (r) => r.status !== 202,
    );
    expect(answer).toMatchObject({
      status: 200,
      body: { format: 'govflow.audit-receipt/v1', leaf: { event_id: eventId } },
    });
    expect((await gateway.get(path, 'registrant1')).status).toBe(404);
    expect((await gateway.get(path, 'tax-officer1')).status).toBe(403);
    expect((await gateway.get(path, 'admin')).status).toBe(200);
    expect(await json(await gateway.get('/api/audit/cases/nope/application-receipt', 'admin'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'caseId' }] },
    });
  });

  it('rebuilds a case as of an instant and diffs two instants, for administrators, logging each query', async () => {
    const caseId = randomUUID();
    await eventually(
      () =>
        gateway.database.pool
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
      await gateway.database.pool.query(
        `INSERT INTO audit_events (event_id, case_id, topic, service, type, stream_id, version, position, occurred_at,
           actor_id, actor_role) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, 'x', 'registrant')`,
        [randomUUID(), caseId, `${service}.events`, service, type, stream, version, at],
      );
    }
    const state = await json<{ streams: { streamId: string; version: number }[] }>(
      await gateway.get(`/api/audit/cases/${caseId}/state?at=2026-11-02T12:00:00%2B08:00`, 'admin'),
    );
    expect(state).toMatchObject({ status: 200, body: { streams: [{ streamId: 'establishment-9', version: 1 }] } });
    const diff = await json(
      await gateway.get(`/api/audit/cases/${caseId}/diff?from=2026-11-02T12:00:00Z&to=2026-11-04T00:00:00Z`, 'admin'),
    );
    expect(diff.body).toMatchObject({
      streams: [
        { streamId: 'establishment-9', fromVersion: 1, toVersion: 2 },
        { streamId: 'tax-record-9', fromVersion: 0, toVersion: 1 },
      ],
    });
    expect(await json(await gateway.get(`/api/audit/cases/${caseId}/state?at=yesterday`, 'admin'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'at' }] },
    });
    expect((await gateway.get(`/api/audit/cases/${caseId}/state?at=2026-11-02T12:00:00Z`, 'registrant1')).status).toBe(
      403,
    );
    const operations = await json<{ action: string; target: string }[]>(
      await gateway.get('/api/audit/operations', 'admin'),
    );
    expect(operations.body.slice(0, 2).map((o) => [o.action, o.target])).toEqual([
      ['audit.time-machine-diff', caseId],
      ['audit.time-machine', caseId],
    ]);
  });

  it('verifies for administrators only, and names an edit in one service and a truncation in the other', async () => {
    expect((await gateway.post('/api/audit/verify', {}, 'registrant1')).status).toBe(403);
    // The gateway keeps a copy of each published checkpoint: wait until it holds tax's full one.
    await eventually(
      () =>
        gateway.database.pool.query<{ size: string | null }>(
          `SELECT max(tree_size) AS size FROM audit_checkpoint_copies WHERE origin = $1`,
          [tax.origin],
        ),
      (r) => Number(r.rows[0]?.size) === 6,
    );
    expect(await json(await gateway.post('/api/audit/verify', { reason: 'x'.repeat(501) }, 'admin'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'reason' }] },
    });
    expect(await json(await gateway.post('/api/audit/verify', { reason: '季度核查' }, 'admin'))).toMatchObject({
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

    const operations = await json<unknown[]>(await gateway.get('/api/audit/operations', 'admin'));
    expect(operations.body[0]).toMatchObject({
      action: 'audit.verify',
      reason: '季度核查',
      outcome: { ok: true, problems: 0 },
      actor: { username: 'admin', role: 'administrator' },
    });
    expect((await gateway.get('/api/audit/operations', 'registrant1')).status).toBe(403);

    const tamper = async (s: StandIn, ...statements: string[]) => {
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
      registration,
      `UPDATE event_store.events SET data = '{"forged": true}' WHERE stream_id = 'case-2' AND version = 2`,
    );
    await tamper(
      tax,
      `DELETE FROM event_store.events WHERE stream_id = 'case-3'`,
      `DELETE FROM event_store.audit_leaf WHERE log_index >= 3`,
      `DELETE FROM event_store.audit_node WHERE (idx + 1) * 2 ^ level > 3`,
      `DELETE FROM event_store.audit_checkpoint WHERE tree_size > 3`,
    );
    const { body } = await json<{ ok: boolean; services: { problems: unknown[] }[] }>(
      await gateway.post('/api/audit/verify', {}, 'admin'),
    );
    expect(body.ok).toBe(false);
    expect(body.services[0]?.problems).toEqual([
      expect.objectContaining({ kind: 'edited', streamId: 'case-2', version: 2 }),
    ]);
    expect(body.services[1]?.problems).toEqual([expect.objectContaining({ kind: 'truncated', logIndex: 3 })]);
  });
});
