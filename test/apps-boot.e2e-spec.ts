import { servers, uniqueId } from './support/servers';
import { createTestNamespace } from './support/temporal-namespace';
import { ensureBuilt, type RunningApp, startApp, waitForHealthy } from './support/app-process';

const apps = [
  { name: 'gateway', database: 'gateway', checks: ['postgres', 'kafka', 'temporal', 'audit-log'] },
  {
    name: 'registration',
    database: 'registration',
    checks: ['postgres', 'kafka', 'temporal', 'worker', 'outbox', 'audit-log'],
  },
  { name: 'tax', database: 'tax', checks: ['postgres', 'kafka', 'temporal', 'worker', 'inbox', 'outbox', 'audit-log'] },
  {
    name: 'science-commission',
    database: 'science_commission',
    checks: ['postgres', 'kafka', 'temporal', 'worker', 'inbox', 'outbox', 'audit-log'],
  },
  {
    name: 'permits',
    database: 'permits',
    checks: ['postgres', 'kafka', 'temporal', 'worker', 'inbox', 'outbox', 'audit-log'],
  },
  { name: 'orchestrator', database: undefined, checks: ['kafka', 'temporal', 'worker'] },
];

const platformEnv = {
  KAFKA_BROKERS: servers.kafkaBrokers.join(','),
  TEMPORAL_ADDRESS: servers.temporalAddress,
  TEMPORAL_NAMESPACE: servers.temporalNamespace,
  // Consumers of their own, so booting here never takes messages from running apps.
  TAX_CONSUMER_GROUP: uniqueId('boot-tax'),
  SCIENCE_CONSUMER_GROUP: uniqueId('boot-science'),
  ORCHESTRATOR_CONSUMER_GROUP: uniqueId('boot-orchestrator'),
  GATEWAY_CONSUMER_GROUP: uniqueId('boot-gateway'),
};

describe('each app as a real process', () => {
  const running: RunningApp[] = [];

  beforeAll(async () => {
    ensureBuilt();
    // Workers booted here must not take tasks queued by other tests or by running apps.
    platformEnv.TEMPORAL_NAMESPACE = await createTestNamespace('apps-boot');
  });

  afterAll(async () => {
    for (const app of running) app.process.kill('SIGTERM');
    await Promise.all(running.map((app) => app.exited));
  });

  it.each(apps.map((app, i) => ({ ...app, port: 3900 + i })))(
    '$name boots and reports every dependency healthy',
    async ({ name, database, port, checks }) => {
      const dbEnv: Record<string, string> = database ? { DATABASE_URL: servers.databaseUrl(database) } : {};
      const app = startApp(name, { ...platformEnv, ...dbEnv, PORT: String(port) });
      running.push(app);

      const report = (await waitForHealthy(`http://127.0.0.1:${port}/health`, app)) as {
        status: string;
        checks: Record<string, { status: string }>;
      };

      expect(report.status).toBe('ok');
      expect(Object.keys(report.checks).sort()).toEqual([...checks].sort());
      for (const check of checks) expect(report.checks[check]).toMatchObject({ status: 'up' });
    },
  );

  it.each(apps.map((app) => app.name))('%s refuses an accelerated clock in production, naming it', async (name) => {
    const production = { NODE_ENV: 'production', AUTH_SIGNING_SECRET: 'a-production-secret-of-more-than-32-chars' };
    const app = startApp(name, { ...platformEnv, ...production, PORT: '3901', GOVFLOW_TIME_SCALE: '86400' });

    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Invalid configuration: GOVFLOW_TIME_SCALE: must be 1 when NODE_ENV is production/);
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it.each(['registration', 'tax'])('%s refuses to start in production without an audit signing key', async (name) => {
    const production = { NODE_ENV: 'production', DATABASE_URL: servers.databaseUrl(name) };
    const app = startApp(name, { ...platformEnv, ...production, PORT: '3901' });

    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Invalid configuration: AUDIT_SIGNING_KEY: is required when NODE_ENV is production/);
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it.each(apps.map((app) => app.name))('%s refuses a bad configuration value, naming it', async (name) => {
    const app = startApp(name, { ...platformEnv, PORT: '3901', TEMPORAL_ADDRESS: 'not an address' });

    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Invalid configuration: TEMPORAL_ADDRESS: must be host:port \(got "not an address"\)/);
    expect(app.output()).not.toMatch(/\n\s+at /); // one line, no stack trace
  });
});
