// Test support: a gateway in-process against a throwaway database, with consumer groups of its own.
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { loadGatewayConfig } from '../config/env.schema';
import { configureGateway } from '../configure-gateway';
import { GatewayModule } from '../gateway.module';

export interface BootedGateway {
  app: INestApplication;
  database: TestDatabase;
  consumerGroup: string;
  get(path: string, username?: string): Promise<Response>;
  post(path: string, body: unknown, username?: string, headers?: Record<string, string>): Promise<Response>;
  /** The user's id, as the users table holds it. */
  idOf(username: string): Promise<string>;
  close(): Promise<void>;
}

/** `temporalNamespace`: where the gateway starts workflows (a test's own, with workers there to answer them). */
/** `env`: more gateway settings, e.g. REGISTRATION_URL and TAX_URL of stand-in services. */
export async function bootGateway({
  temporalNamespace = servers.temporalNamespace,
  env = {},
}: { temporalNamespace?: string; env?: Record<string, string> } = {}): Promise<BootedGateway> {
  const database = await createTestDatabase('gw_test', 2);
  const consumerGroup = uniqueId('gateway-test');
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: servers.kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_NAMESPACE: temporalNamespace,
    GATEWAY_CONSUMER_GROUP: consumerGroup,
    ...env,
  });
  // Its own origin: gateways of other runs publish their checkpoints on the same audit.checkpoints topic.
  const auditEnv = { ...process.env, AUDIT_LOG_ORIGIN: `govflow.test/${consumerGroup}/gateway`, ...env };
  const moduleRef = await Test.createTestingModule({
    imports: [GatewayModule.register(config, auditEnv)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  configureGateway(app);
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();

  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => {
    const known = tokens.get(username);
    if (known) return known;
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    const { accessToken } = (await response.json()) as { accessToken: string };
    tokens.set(username, accessToken);
    return accessToken;
  };
  const authorization = async (username?: string): Promise<Record<string, string>> =>
    username ? { authorization: `Bearer ${await tokenOf(username)}` } : {};

  return {
    app,
    database,
    consumerGroup,
    get: async (path, username) => fetch(`${base}${path}`, { headers: await authorization(username) }),
    post: async (path, body, username, headers = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(await authorization(username)), ...headers },
      }),
    idOf: async (username) => {
      const { rows } = await database.pool.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [
        username,
      ]);
      return rows[0]!.id;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Polls `read` until `accept` holds; for read models that catch up with Kafka on their own. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
