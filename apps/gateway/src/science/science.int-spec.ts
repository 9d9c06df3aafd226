import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { createTestNamespace } from '../../../../test/support/temporal-namespace';
import { loadGatewayConfig } from '../config/env.schema';
import { configureGateway } from '../configure-gateway';
import { GatewayModule } from '../gateway.module';

jest.setTimeout(60_000);

// What the science API answers before any workflow runs: the bad input it refuses, naming the field, and its docs.
describe('science commission API at the gateway (real PostgreSQL and Temporal, no workers)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('gw_science', 1);
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      AUTH_SIGNING_SECRET: 'integration-test-signing-secret-0123456789',
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: await createTestNamespace('gw-science'),
      TEMPORAL_UI_URL: 'http://127.0.0.1:8233',
      GATEWAY_CONSUMER_GROUP: uniqueId('gateway-science-test'),
    });
    const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.register(config)] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    configureGateway(app);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const request = async (method: string, path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const tokenOf = async (username: string) =>
    (await request('POST', '/api/auth/login', { username, password: 'demo' })).body.accessToken as string;
  const grant = { programmeCode: 'MS-OPERATION-SUBSIDY', creditCode: '91110112MA01GRNT1X', requestedAmount: '150000' };

  it('lists the programmes in force publicly, money as yuan decimal strings', async () => {
    const { status, body } = await request('GET', '/api/grant-programmes');
    expect(status).toBe(200);
    expect(body.programmes).toContainEqual(
      expect.objectContaining({
        code: 'MS-NATIONAL-ONE-OFF',
        amountRule: { kind: 'maker-space-recognition', level: 'national', fixed: '500000.00' },
        noticePeriod: { workingDays: 5 },
      }),
    );
  });

  it('shows the public notice and published pages without sign-in', async () => {
    expect((await request('GET', '/api/public-notices')).status).toBe(200);
    expect((await request('GET', '/api/grants/published')).status).toBe(200);
  });

  it.each([
    ['creditCode', { ...grant, creditCode: 'X' }],
    ['requestedAmount', { ...grant, requestedAmount: 150000.5 }],
    ['requestedAmount', { ...grant, requestedAmount: '1.005' }],
    ['programmeCode', { ...grant, programmeCode: 'NOPE' }],
    ['programmeCode', { ...grant, programmeCode: 'MS-NATIONAL-ONE-OFF' }],
    ['requestedAmount', { ...grant, requestedAmount: '200000.01' }],
  ])('answers 400 naming %s for a bad grant application', async (field, body) => {
    const answer = await request('POST', '/api/grants', body, await tokenOf('registrant1'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ field }));
  });

  it('answers 400 naming the figure of a bad recognition application, and 403 to an officer applying', async () => {
    const body = { creditCode: grant.creditCode, level: 'national', figures: { monthsInOperation: -1 } };
    const answer = await request('POST', '/api/maker-spaces', body, await tokenOf('registrant1'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ field: 'figures.monthsInOperation' }));
    expect((await request('POST', '/api/maker-spaces', body, await tokenOf('sci-officer1'))).status).toBe(403);
  });

  it('answers 400 naming rate for a clawback rate that is not a percentage, 403 to finance opening one', async () => {
    const caseId = '00000000-0000-4000-8000-000000000000';
    const body = { ground: 'misuse-of-funds', rate: 'lots', reason: '挪用资金' };
    const answer = await request('POST', `/api/grants/${caseId}/clawbacks`, body, await tokenOf('sci-officer1'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ field: 'rate' }));
    expect((await request('POST', `/api/grants/${caseId}/clawbacks`, body, await tokenOf('fin-officer1'))).status).toBe(
      403,
    );
  });

  it("lists only the signed-in registrant's own recognitions and grants (none yet), 403 to an officer", async () => {
    for (const path of ['/api/maker-spaces', '/api/grants']) {
      const answer = await request('GET', path, undefined, await tokenOf('registrant2'));
      expect([path, answer.status, answer.body]).toEqual([path, 200, []]);
      expect((await request('GET', path, undefined, await tokenOf('sci-officer1'))).status).toBe(403);
    }
  });

  it('answers 404 for a grant that does not exist', async () => {
    const answer = await request(
      'GET',
      '/api/grants/00000000-0000-4000-8000-000000000000',
      undefined,
      await tokenOf('sci-officer1'),
    );
    expect(answer.status).toBe(404);
  });

  it('documents the science endpoints in the OpenAPI document', async () => {
    const { paths } = (await request('GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [method, path] of [
      ['post', '/api/maker-spaces'],
      ['get', '/api/maker-spaces'],
      ['get', '/api/maker-spaces/{caseId}'],
      ['get', '/api/grant-programmes'],
      ['post', '/api/grants'],
      ['get', '/api/grants'],
      ['get', '/api/grants/{caseId}'],
      ['get', '/api/grants/published'],
      ['get', '/api/public-notices'],
      ['post', '/api/public-notices/{noticeId}/objections'],
      ['post', '/api/grants/{caseId}/clawbacks'],
    ] as const) {
      expect({ method, path, documented: paths[path]?.[method] !== undefined }).toEqual({
        method,
        path,
        documented: true,
      });
    }
  });
});
