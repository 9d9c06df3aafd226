import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Actor, signAccessToken, verifyAccessToken } from '@govflow/auth';
import { servers, uniqueId } from '../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { DEMO_USERS } from './auth/users/demo-users';
import { LocalUsersInitializer } from './auth/users/local-users.initializer';
import { loadGatewayConfig } from './config/env.schema';
import { configureGateway } from './configure-gateway';
import { GatewayModule } from './gateway.module';

// jest.config.js sets testTimeout per project, which jest ignores (it is a global option): booting needs more than 5 s under load.
jest.setTimeout(60_000);

describe('gateway over HTTP (real PostgreSQL)', () => {
  const secret = 'integration-test-signing-secret-0123456789';
  let database: TestDatabase;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('gw_test', 1);
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      AUTH_SIGNING_SECRET: secret,
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_UI_URL: 'http://127.0.0.1:8233',
      GATEWAY_CONSUMER_GROUP: uniqueId('gateway-test'),
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

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const login = (username: string, password: string) => post('/api/auth/login', JSON.stringify({ username, password }));
  const get = (path: string, token?: string) =>
    fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const tokenOf = async (username: string) =>
    ((await (await login(username, 'demo')).json()) as { accessToken: string }).accessToken;
  const onlyError = (message: string | RegExp, field: string | null = null) => ({
    errors: [{ field, message: typeof message === 'string' ? message : expect.stringMatching(message) }],
  });

  it.each(DEMO_USERS)('signs in $username, whose token names its role and department', async (user) => {
    const response = await login(user.username, 'demo');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accessToken: string; tokenType: string; expiresIn: number };
    expect(body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600 });

    const me = await get('/api/me', body.accessToken);
    expect(me.status).toBe(200);
    const actor = await me.json();
    expect(actor).toEqual({
      id: expect.any(String),
      username: user.username,
      role: user.role,
      department: user.department,
    });
    expect(verifyAccessToken(body.accessToken, { secret, now: new Date() })).toEqual(actor);
  });

  it('answers 401 for a wrong password or an unknown user, alike', async () => {
    for (const [username, password] of [
      ['admin', 'wrong'],
      ['nobody', 'demo'],
    ] as const) {
      const response = await login(username, password);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(onlyError('unknown username or wrong password'));
    }
  });

  it('answers 400 naming a missing field', async () => {
    const response = await post('/api/auth/login', JSON.stringify({ username: 'admin' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(onlyError('is required', 'password'));
  });

  it('answers 400 to malformed JSON, without a stack trace', async () => {
    const response = await post('/api/auth/login', '{"username": "admin",');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(onlyError(/JSON/));
  });

  it('answers 401 to /api/me without a token, with a Bearer challenge', async () => {
    const response = await get('/api/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="govflow"');
    expect(await response.json()).toEqual(onlyError(/missing bearer token/));
  });

  it('answers 401 to an expired token', async () => {
    const actor = (await (await get('/api/me', await tokenOf('registrant1'))).json()) as Actor;
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const expired = signAccessToken(actor, { secret, ttlSeconds: 60, now: anHourAgo });
    const response = await get('/api/me', expired);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(onlyError('access token has expired'));
  });

  it('answers 401 to a token whose claims were changed', async () => {
    const [header, payload, signature] = (await tokenOf('registrant1')).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'administrator' })).toString('base64url');
    const response = await get('/api/users', `${header}.${promoted}.${signature}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(onlyError('access token is invalid'));
  });

  it('answers 403 to the wrong role, and 200 to the right one', async () => {
    const forbidden = await get('/api/users', await tokenOf('reg-officer1'));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual(onlyError(/requires the role administrator/));

    const allowed = await get('/api/users', await tokenOf('admin'));
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { username: string }[]).map((u) => u.username).sort()).toEqual(
      DEMO_USERS.map((u) => u.username).sort(),
    );
  });

  it('answers 404 to an unknown route in the same shape', async () => {
    const response = await get('/api/nowhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(onlyError('Cannot GET /api/nowhere'));
  });

  it('seeds idempotently: a second boot adds nobody and keeps the ids', async () => {
    const before = await (await get('/api/users', await tokenOf('admin'))).json();
    await app.get(LocalUsersInitializer).onModuleInit();
    expect(await (await get('/api/users', await tokenOf('admin'))).json()).toEqual(before);
  });

  it('serves the OpenAPI document listing login and the bearer scheme, and Swagger UI', async () => {
    const document = (await (await get('/api/docs-json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.paths['/api/auth/login']?.post).toBeDefined();
    expect(document.paths['/api/me']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ui = await get('/api/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/swagger-ui/);
  });

  it('documents every portal endpoint with its schemas, its errors and the bearer scheme', async () => {
    type Operation = {
      security?: unknown;
      requestBody?: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
      parameters?: { name: string; in: string }[];
    };
    const { paths } = (await (await get('/api/docs-json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations: [string, string, string, boolean][] = [
      ['get', '/api/names/check', '200', false],
      ['post', '/api/registrations', '202', true],
      ['get', '/api/registrations', '200', false],
      ['get', '/api/registrations/{caseId}', '200', false],
      ['post', '/api/registrations/{caseId}/supplement', '200', true],
      ['get', '/api/tasks', '200', false],
      ['post', '/api/tasks/{taskId}/claim', '200', false],
      ['post', '/api/tasks/{taskId}/unclaim', '200', true],
      ['post', '/api/tasks/{taskId}/reassign', '200', true],
      ['post', '/api/tasks/{taskId}/decision', '200', true],
      ['get', '/api/audit/cases/{caseId}/events', '200', false],
      ['post', '/api/admin/read-models/{readModel}/rebuild', '202', false],
    ];
    for (const [method, path, success, hasBody] of operations) {
      const operation = paths[path]?.[method];
      expect({ path, method, security: operation?.security }).toEqual({ path, method, security: [{ bearer: [] }] });
      expect(operation?.responses[success]?.content?.['application/json']?.schema).toBeDefined();
      expect(operation?.responses['401']).toBeDefined();
      if (hasBody) expect(operation?.requestBody?.content['application/json']?.schema).toBeDefined();
    }
    expect(paths['/api/registrations']?.post?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
    );
    expect(JSON.stringify(paths['/api/audit/cases/{caseId}/events'])).toMatch(
      /occurredAt; events at the same instant by topic, then by stream version/,
    );
  });

  it('serves the portal page at /, and /health beside it', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>一网通办 One-stop services</title>');
    expect(html).toContain('<script src="/assets/landing.js" defer></script>');
    expect(await (await get('/assets/landing.js')).text()).toContain("fetch('/health'");
    expect(html).toContain('href="/api/docs"');
    expect(html).toContain('href="http://127.0.0.1:8233"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!127\.0\.0\.1:8233)/);

    const health = await get('/health');
    expect(((await health.json()) as { checks: Record<string, unknown> }).checks.postgres).toMatchObject({
      status: 'up',
    });
  });
});
