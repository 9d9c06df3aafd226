import { randomUUID } from 'node:crypto';
import { verifyReceipt, type AuditReceipt } from '@govflow/event-store';
import { newEvent } from '../../../../../test/support/event-fixtures';
import { eventually } from '../../testing/booted-gateway';
import { json, useAuditStack } from './audit-stack.fixture';

jest.setTimeout(120_000);

describe('the audit API over HTTP: keys, checkpoints, receipts and consistency proofs', () => {
  const stack = useAuditStack();

  it('serves the public keys and the latest checkpoints without sign-in, and names a bad service', async () => {
    const keys = await json<{ origin: string }[]>(await stack.gateway.get('/api/audit/public-keys'));
    expect(keys.status).toBe(200);
    expect(keys.body.map((k) => k.origin)).toEqual([
      stack.registration.origin,
      stack.tax.origin,
      ...stack.quiet.map((s) => s.origin),
      expect.stringMatching(/\/gateway$/), // the gateway's own log: the administrators' actions
    ]);
    await eventually(
      () => stack.gateway.get('/api/audit/checkpoints/latest?service=tax').then(json),
      (r) => r.status === 200 && r.body.size === 6,
    );
    expect(await json(await stack.gateway.get('/api/audit/checkpoints/latest?service=land'))).toEqual({
      status: 400,
      body: { errors: [{ field: 'service', message: expect.stringContaining('registration, tax') }] },
    });
  });

  it('answers receipts to administrators that verify with the published key; others are refused', async () => {
    const keys = (await json<{ verifierKey: string }[]>(await stack.gateway.get('/api/audit/public-keys'))).body;
    const [eventId] = stack.eventIds;
    const answer = await eventually(
      () => stack.gateway.get(`/api/audit/events/${eventId}/receipt`, 'admin').then(json),
      (r) => r.status === 200,
    );
    expect(verifyReceipt(answer.body as unknown as AuditReceipt, keys[0]!.verifierKey)).toMatchObject({ eventId });
    expect((await stack.gateway.get(`/api/audit/events/${eventId}/receipt`, 'registrant1')).status).toBe(404);
    expect((await stack.gateway.get(`/api/audit/events/${eventId}/receipt`, 'tax-officer1')).status).toBe(403);
    expect((await stack.gateway.get(`/api/audit/events/${eventId}/receipt`)).status).toBe(401);
    expect(await json(await stack.gateway.get('/api/audit/events/nope/receipt', 'admin'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'eventId' }] },
    });
    expect((await stack.gateway.get(`/api/audit/events/${randomUUID()}/receipt`, 'admin')).status).toBe(404);
  });

  it('serves a receipt holder the proof that a later checkpoint still holds their tree; 404, 409 and 400 otherwise', async () => {
    const keys = (await json<{ verifierKey: string }[]>(await stack.gateway.get('/api/audit/public-keys'))).body;
    const [eventId] = stack.eventIds;
    const { body } = await eventually(
      () => stack.gateway.get(`/api/audit/events/${eventId}/receipt`, 'admin').then(json<AuditReceipt>),
      (r) => r.status === 200,
    );
    const size = verifyReceipt(body, keys[0]!.verifierKey).checkpoint.size;
    const proofFrom = (from: unknown, service = 'registration') =>
      stack.gateway.get(`/api/audit/consistency-proofs?service=${service}&from=${String(from)}`).then(json);
    const latest = await json<{ size: number }>(
      await stack.gateway.get('/api/audit/checkpoints/latest?service=registration'),
    );
    expect(await proofFrom(latest.body.size)).toMatchObject({ status: 404 });
    expect(await proofFrom(latest.body.size + 1)).toMatchObject({ status: 409 });
    expect(await proofFrom(0)).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });
    expect(await proofFrom('1e3')).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });

    await stack.registration.store.append(`later-${stack.run}`, 'no_stream', [newEvent('Submitted')]);
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
    const eventId = stack.eventIds[2]!;
    const caseId = randomUUID();
    // What the audit trail and the registrations read model hold once the event and the case have arrived.
    await stack.gateway.database.pool.query(
      `INSERT INTO registration_cases (case_id, applicant_id, enterprise_name, currency, submitted_at, request_fingerprint)
       VALUES ($1, $2, '北京星河科技有限公司', 'CNY', now(), 'f')`,
      [caseId, await stack.gateway.idOf('registrant2')],
    );
    await eventually(
      () =>
        stack.gateway.database.pool
          .query<{ t: string | null }>(`SELECT to_regclass('audit_events') AS t`)
          .then((r) => r.rows[0]?.t),
      (t) => !!t,
    );
    await stack.gateway.database.pool.query(
      `INSERT INTO audit_events (event_id, case_id, topic, service, type, stream_id, version, position, occurred_at,
         actor_id, actor_role) VALUES ($1, $2, 'registration.events', 'registration', 'Submitted', 'case-2', 1, 1, now(), 'x', 'registrant')`,
      [eventId, caseId],
    );
    const answer = await eventually(
      () => stack.gateway.get(`/api/audit/events/${eventId}/receipt`, 'registrant2').then(json),
      (r) => r.status !== 202,
    );
    expect(answer).toMatchObject({ status: 200, body: { format: 'govflow.audit-receipt/v1' } });
    expect((await stack.gateway.get(`/api/audit/events/${eventId}/receipt`, 'registrant1')).status).toBe(404);
  });

  it("finds the receipt of a case's application for its applicant: 202 until the event arrives, then 200", async () => {
    const eventId = stack.eventIds[3]!;
    const caseId = randomUUID();
    const path = `/api/audit/cases/${caseId}/application-receipt`;
    await stack.gateway.database.pool.query(
      `INSERT INTO registration_cases (case_id, applicant_id, enterprise_name, currency, submitted_at, request_fingerprint)
       VALUES ($1, $2, '北京星河科技有限公司', 'CNY', now(), 'f')`,
      [caseId, await stack.gateway.idOf('registrant2')],
    );
    expect((await stack.gateway.get(path, 'registrant2')).status).toBe(202);
    await stack.gateway.database.pool.query(
      `INSERT INTO audit_events (event_id, case_id, topic, service, type, stream_id, version, position, occurred_at,
         actor_id, actor_role) VALUES ($1, $2, 'registration.events', 'registration', 'ApplicationSubmitted',
         'case-3', 1, 1, now(), 'x', 'registrant')`,
      [eventId, caseId],
    );
    const answer = await eventually(
      () => stack.gateway.get(path, 'registrant2').then(json),
      (r) => r.status !== 202,
    );
    expect(answer).toMatchObject({
      status: 200,
      body: { format: 'govflow.audit-receipt/v1', leaf: { event_id: eventId } },
    });
    expect((await stack.gateway.get(path, 'registrant1')).status).toBe(404);
    expect((await stack.gateway.get(path, 'tax-officer1')).status).toBe(403);
    expect((await stack.gateway.get(path, 'admin')).status).toBe(200);
    expect(await json(await stack.gateway.get('/api/audit/cases/nope/application-receipt', 'admin'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'caseId' }] },
    });
  });
});
