import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { uniqueId, servers } from '../../../../test/support/servers';
import {
  type MarketRegulationWorkers,
  startMarketRegulationWorkers,
} from '../../../../test/support/market-regulation-workers';
import {
  application,
  approval,
  submission,
  uniqueTradeName,
} from '../../../registration/src/activities/registration-activities.fixtures';
import { bootGateway, type BootedGateway, eventually } from '../testing/booted-gateway';

jest.setTimeout(120_000);

describe('deregistrations over HTTP (workflows and the real market-regulation service answer)', () => {
  let workers: MarketRegulationWorkers;
  let gateway: BootedGateway;
  let temporal: Client;
  let connection: Connection;
  let creditCode: string;
  let caseId: string;
  // A valid resident id (the gateway checks it), registered as the legal representative, the only investor on file.
  const zhang = { name: '张伟', idNumber: '110108199001011231' };
  const commitment = { ...zhang, signedAt: '2026-11-28T10:00:00+08:00' };
  const body = (code = creditCode, commitments = [commitment]) => ({
    creditCode: code,
    declaration: { noDebts: true },
    commitments,
  });
  const apply = async (payload: unknown, username = 'registrant1', key?: string) => {
    const response = await gateway.post(
      '/api/deregistrations',
      payload,
      username,
      key ? { 'Idempotency-Key': key } : {},
    );
    return {
      status: response.status,
      json: (await response.json()) as {
        caseId: string;
        errors: { field: string | null; code?: string; message: string }[];
      },
    };
  };

  beforeAll(async () => {
    workers = await startMarketRegulationWorkers('gw-dereg');
    gateway = await bootGateway({ temporalNamespace: workers.namespace });
    connection = await Connection.connect({ address: servers.temporalAddress });
    temporal = new Client({ connection, namespace: workers.namespace });
    const { registration } = workers;
    const establishment = uniqueId('case');
    const app = { ...application(uniqueTradeName('注销')), legalRepresentative: zhang };
    const owner = { id: await gateway.idOf('registrant1'), role: 'registrant' as const };
    await registration.run(establishment, registration.activities.submitApplication, {
      ...submission(establishment, app),
      applicant: owner,
    });
    ({ creditCode } = await registration.run(
      establishment,
      registration.activities.issueLicense,
      approval(establishment, app),
    ));
  });
  afterAll(async () => {
    if (caseId)
      await temporal.workflow
        .getHandle(`deregistration-${caseId}`)
        .terminate('test over')
        .catch(() => undefined);
    await connection?.close();
    await gateway?.close();
    await workers?.stop();
  });

  it('answers 400 naming each bad field, and an investor the register does not know', async () => {
    const bad = await apply({
      creditCode,
      declaration: {},
      commitments: [{ ...commitment, idNumber: '110108199001011232' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e) => e.field).sort()).toEqual(['commitments.0.idNumber', 'declaration']);
    const stranger = { name: '王强', idNumber: '110108198003033456', signedAt: commitment.signedAt };
    const unknown = await apply(body(creditCode, [stranger]));
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([
      { field: 'commitments.0', code: 'investor-unknown', message: expect.stringContaining('王强') },
      { field: 'commitments', code: 'commitment-missing', message: expect.stringContaining('张伟') },
    ]);
  });

  it('refuses another registrant (403) and an unknown credit code (404)', async () => {
    expect((await apply(body(), 'registrant2')).status).toBe(403);
    expect((await apply(body('91110108MA0000000X'))).status).toBe(404);
  });

  it('starts the case under an Idempotency-Key once, and announces it publicly', async () => {
    const key = randomUUID();
    const first = await apply(body(), 'registrant1', key);
    expect(first.status).toBe(202);
    caseId = first.json.caseId;
    expect((await apply(body(), 'registrant1', key)).json.caseId).toBe(caseId);
    const other = { ...body(), declaration: { neverOpened: true } };
    expect((await apply(other, 'registrant1', key)).status).toBe(409);

    const view = await eventually(
      async () =>
        (await gateway.get(`/api/deregistrations/${caseId}`, 'registrant1')).json() as Promise<{
          status: string;
          announcement?: { due: { legalDueAt: string } };
        }>,
      (s) => s.status === 'announcing',
    );
    expect(view.announcement?.due.legalDueAt).toEqual(expect.any(String));
    expect((await gateway.get(`/api/deregistrations/${caseId}`, 'registrant2')).status).toBe(404);
    const mine = await eventually(
      async () => (await gateway.get('/api/deregistrations', 'registrant1')).json() as Promise<{ caseId: string }[]>,
      (list) => list.some((c) => c.caseId === caseId),
    );
    expect(mine.find((c) => c.caseId === caseId)).toEqual({
      caseId,
      status: 'announcing',
      appliedAt: expect.any(String),
      creditCode,
      enterpriseName: expect.any(String),
    });
    const theirs = (await (await gateway.get('/api/deregistrations', 'registrant2')).json()) as { caseId: string }[];
    expect(theirs.map((c) => c.caseId)).not.toContain(caseId);
    expect((await gateway.get(`/api/deregistrations/${caseId}`, 'reg-officer1')).status).toBe(200);

    const listed = await eventually(
      async () => (await gateway.get('/api/announcements')).json() as Promise<{ caseId: string; creditCode: string }[]>,
      (list) => list.some((a) => a.caseId === caseId),
    );
    expect(listed.find((a) => a.caseId === caseId)).toMatchObject({
      creditCode,
      endsAt: view.announcement?.due.legalDueAt,
    });
  });

  it('takes objections from signed-in users while announcing; confirmation waits for the period (409)', async () => {
    const objection = await gateway.post(
      `/api/announcements/${caseId}/objections`,
      { reason: '尚欠货款', contact: '13800000000' },
      'registrant2',
    );
    expect(objection.status).toBe(201);
    expect(await objection.json()).toEqual({ caseId, objections: 1 });
    expect(
      (await gateway.post(`/api/announcements/${caseId}/objections`, { reason: '尚欠货款', contact: '138' })).status,
    ).toBe(401);
    const early = await gateway.post(`/api/deregistrations/${caseId}/confirm`, {}, 'registrant1');
    expect(early.status).toBe(409);
  });

  it('refuses a second application while one is in progress, with every reason (409)', async () => {
    const again = await apply(body());
    expect(again.status).toBe(409);
    expect(again.json.errors).toMatchObject([{ code: 'deregistration-in-progress' }]);
  });
});
