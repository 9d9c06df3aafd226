import net from 'node:net';
import { DEMO_USERS } from '../apps/gateway/src/auth/users/demo-users';
import { LocalUsersInitializer } from '../apps/gateway/src/auth/users/local-users.initializer';
import { UserStore } from '../apps/gateway/src/auth/users/user-store';
import { DEVELOPMENT_SIGNING_SECRET } from '../apps/gateway/src/config/env.schema';
import { ensureBuilt, type RunningApp, startApp, waitForHealthy } from './support/app-process';
import { servers, uniqueId } from './support/servers';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { generateSigningKey } from '@govflow/event-store';

// jest.config.js sets testTimeout per project, which jest ignores (it is a global option): booting needs more than 5 s under load.
jest.setTimeout(60_000);

const strongSecret = 'an-e2e-production-signing-secret-0123456789';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });

const auditSigningKey = generateSigningKey().export({ format: 'pem', type: 'pkcs8' }).toString();

describe('the gateway process in production mode', () => {
  const databases: TestDatabase[] = [];
  const running: RunningApp[] = [];

  beforeAll(() => ensureBuilt());

  afterAll(async () => {
    for (const app of running) app.process.kill('SIGTERM');
    await Promise.all(running.map((app) => app.exited));
    await Promise.all(databases.map((database) => database.drop()));
  });

  async function database(options: { seeded: boolean }): Promise<string> {
    const created = await createTestDatabase('gw_test', 1);
    databases.push(created);
    const { pool } = created;
    await new LocalUsersInitializer(pool, new UserStore(pool), { seedDemoUsers: options.seeded }).onModuleInit();
    return created.url;
  }

  async function start(env: Record<string, string>): Promise<RunningApp & { port: number }> {
    const port = await freePort();
    const app = startApp('gateway', {
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: servers.temporalNamespace,
      // Read models of its own: never take offsets from a running gateway's groups.
      GATEWAY_CONSUMER_GROUP: uniqueId('gateway-auth'),
      NODE_ENV: 'production',
      PORT: String(port),
      // Production also demands the audit log's signing key (the gateway signs its operations log).
      AUDIT_SIGNING_KEY: auditSigningKey,
      ...env,
    });
    running.push(app);
    return { ...app, port };
  }

  async function expectRefusal(env: Record<string, string>, problem: RegExp): Promise<void> {
    const app = await start(env);
    expect(await app.exited).toBe(1);
    const refusal = app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('gateway: '));
    expect(refusal).toEqual([expect.stringMatching(problem)]);
    expect(app.output()).not.toMatch(/\n\s+at /);
  }

  it('refuses to start without a signing secret', async () => {
    await expectRefusal({}, /AUTH_SIGNING_SECRET: must be set/);
  });

  it('refuses to start with the development signing secret', async () => {
    await expectRefusal(
      { AUTH_SIGNING_SECRET: DEVELOPMENT_SIGNING_SECRET },
      /AUTH_SIGNING_SECRET: must not be the development default/,
    );
  });

  it('refuses to start while the seeded demo users are in its database, naming them', async () => {
    await expectRefusal(
      { DATABASE_URL: await database({ seeded: true }), AUTH_SIGNING_SECRET: strongSecret },
      new RegExp(
        `DATABASE_URL: the users table holds ${DEMO_USERS.length} seeded demo user\\(s\\) with a public password \\(admin, .*\\)`,
      ),
    );
  });

  it('starts with a strong secret and no demo users, and seeds none', async () => {
    const app = await start({ DATABASE_URL: await database({ seeded: false }), AUTH_SIGNING_SECRET: strongSecret });
    await waitForHealthy(`http://127.0.0.1:${app.port}/health`, app);
    const response = await fetch(`http://127.0.0.1:${app.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    expect(response.status).toBe(401);
  });
});
