import { createTestDatabase, type TestDatabase } from './test-database';
import { createTestNamespace } from './temporal-namespace';
import { assertPortFree, ensureBuilt, type RunningApp, startApp, waitForAnswer, waitForHealthy } from './app-process';
import { Topic } from '@govflow/contracts';
import { readModelFeeds } from '../../apps/gateway/src/read-models/read-model-feeds';
import { createKafka } from '@govflow/messaging';
import { startGroupAtEnd } from './kafka-tail';
import { servers, uniqueId } from './servers';

export interface PlatformStack {
  gatewayUrl: string;
  namespace: string;
  /** Each service's own database, for tests that must reach past the services (tampering with a store, say). */
  databaseUrls: { registration: string; tax: string; gateway: string; permits: string; science: string };
  /** What each app has written to stdout and stderr so far, by app name (for tests that scan the logs). */
  outputs(): Record<string, string>;
  /** The apps' names, in the order they start. */
  apps: string[];
  /** SIGKILLs one app (no shutdown hooks run) and waits until it is gone. */
  crash(app: string): Promise<void>;
  /**
   * Starts the app again with the same environment and port, and waits until it serves HTTP (its /health may still
   * say 503 while its consumers wait for the group to drop the killed member).
   */
  restart(app: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The platform as real processes (registration, tax, permits, orchestrator, gateway) on the real servers,
 * isolated from other tests and from running apps: its own Temporal namespace, databases and consumer groups.
 */
export async function startPlatformStack(
  name: string,
  basePort: number,
  /** Set for every app of the stack, e.g. GOVFLOW_TIME_SCALE. */
  extraEnv: Record<string, string> = {},
  /** How long every app may take to report healthy (a loaded dev server can take minutes to know a new namespace). */
  healthyWithinMs = 120_000,
): Promise<PlatformStack> {
  ensureBuilt();
  await Promise.all([0, 1, 2, 3, 4, 5].map((offset) => assertPortFree(basePort + offset)));
  const run = uniqueId(name).replace(/-/g, '_');
  const namespace = await createTestNamespace(name);
  const databases: TestDatabase[] = await Promise.all(
    ['reg', 'tax', 'gw', 'pmt', 'sci'].map((prefix) => createTestDatabase(`${prefix}_${name.replace(/\W/g, '_')}`, 1)),
  );
  const [registrationDb, taxDb, gatewayDb, permitsDb, scienceDb] = databases as [
    TestDatabase,
    TestDatabase,
    TestDatabase,
    TestDatabase,
    TestDatabase,
  ];
  const platform = {
    KAFKA_BROKERS: servers.kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    NODE_ENV: 'test',
    ...extraEnv,
  };
  const specs: { app: string; port: number; env: Record<string, string> }[] = [
    { app: 'registration', port: basePort + 1, env: { DATABASE_URL: registrationDb.url } },
    { app: 'tax', port: basePort + 2, env: { DATABASE_URL: taxDb.url, TAX_CONSUMER_GROUP: `tax_${run}` } },
    {
      app: 'permits',
      port: basePort + 3,
      env: { DATABASE_URL: permitsDb.url, PERMITS_CONSUMER_GROUP: `permits_${run}` },
    },
    {
      app: 'science-commission',
      port: basePort + 5,
      env: { DATABASE_URL: scienceDb.url, SCIENCE_CONSUMER_GROUP: `science_${run}` },
    },
    { app: 'orchestrator', port: basePort + 4, env: { ORCHESTRATOR_CONSUMER_GROUP: `orchestrator_${run}` } },
    {
      app: 'gateway',
      port: basePort,
      env: {
        DATABASE_URL: gatewayDb.url,
        GATEWAY_CONSUMER_GROUP: `gateway_${run}`,
        REGISTRATION_URL: `http://127.0.0.1:${basePort + 1}`,
        TAX_URL: `http://127.0.0.1:${basePort + 2}`,
        PERMITS_URL: `http://127.0.0.1:${basePort + 3}`,
        SCIENCE_COMMISSION_URL: `http://127.0.0.1:${basePort + 5}`,
      },
    },
  ];
  await startConsumerGroupsAtEnd({
    [`tax_${run}`]: [Topic.RegistrationEvents, Topic.ScienceCommissionEvents],
    [`permits_${run}`]: [Topic.RegistrationEvents],
    [`science_${run}`]: [Topic.RegistrationEvents],
    [`orchestrator_${run}`]: [Topic.TaxEvents],
    ...Object.fromEntries(readModelFeeds(`gateway_${run}`).map((feed) => [feed.groupId, feed.topics])),
  });
  const running: RunningApp[] = [];
  // Every stack's logs publish to the same audit.checkpoints topic: an origin of its own keeps another stack's
  // checkpoints (other key, other sizes) from reading as forged or as a truncated tail of this one's.
  const origin = (app: string) => `govflow.test/${run}/${app}`;
  const launch = (spec: (typeof specs)[number]) =>
    startApp(spec.app, { ...platform, AUDIT_LOG_ORIGIN: origin(spec.app), ...spec.env, PORT: String(spec.port) });
  const indexOf = (app: string) => {
    const i = specs.findIndex((spec) => spec.app === app);
    if (i < 0) throw new Error(`no app ${app} in this stack`);
    return i;
  };
  const stop = async () => {
    for (const app of running) app.process.kill('SIGTERM');
    await Promise.all(running.map((app) => app.exited));
    await Promise.all(databases.map((db) => db.drop()));
  };
  try {
    for (const spec of specs) running.push(launch(spec));
    await Promise.all(
      specs.map((spec, i) => waitForHealthy(`http://127.0.0.1:${spec.port}/health`, running[i]!, healthyWithinMs)),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${basePort}`,
    namespace,
    databaseUrls: {
      registration: registrationDb.url,
      tax: taxDb.url,
      gateway: gatewayDb.url,
      permits: permitsDb.url,
      science: scienceDb.url,
    },
    outputs: () => Object.fromEntries(specs.map((spec, i) => [spec.app, running[i]?.output() ?? ''])),
    apps: specs.map((spec) => spec.app),
    async crash(app) {
      const victim = running[indexOf(app)]!;
      if (victim.process.exitCode === null && victim.process.signalCode === null) victim.process.kill('SIGKILL');
      await victim.exited;
    },
    async restart(app) {
      const i = indexOf(app);
      running[i] = launch(specs[i]!);
      await waitForAnswer(`http://127.0.0.1:${specs[i]!.port}/health`, running[i]);
    },
    stop,
  };
}

/** The stack's services handle only what this run publishes, not the shared topics' whole history. */
async function startConsumerGroupsAtEnd(groups: Record<string, Topic[]>): Promise<void> {
  const kafka = createKafka(uniqueId('stack-setup'), servers.kafkaBrokers);
  for (const [groupId, topics] of Object.entries(groups)) {
    for (const topic of topics) await startGroupAtEnd(kafka, groupId, topic);
  }
}
