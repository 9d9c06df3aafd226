// npm run bench:audit — the signed audit log's cost and speed against the local servers: append throughput with
// the integrator running vs without (ratio), the integrator's leaves per second, receipt latency from append to an
// available receipt, and verify time for 100,000 events. The last line on stdout is one JSON object.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  AuditIntegrator,
  EventStore,
  generateSigningKey,
  migrate,
  receiptFor,
  verifyLog,
  type NewEvent,
} from '@govflow/event-store';
import type { EventMetadata } from '@govflow/messaging';
import { createTestDatabase } from '../test/support/test-database';
import { closedLoop, log, nowMs, openLoop, percentile, round } from './measure';

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 8000);
const VERIFY_EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 100_000);
const origin = 'govflow.bench/audit';
const signer = { name: origin, privateKey: generateSigningKey() };

const metadata: EventMetadata = {
  actor: { id: 'officer-7', role: 'registration-officer', department: 'market-regulation' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
};
const event = (i: number): NewEvent => ({
  type: 'ApplicationReviewed',
  data: { amount: i % 1000, note: 'documents complete', checks: ['name', 'domicile', 'scope'] },
  metadata,
});
const batchOf10 = Array.from({ length: 10 }, (_, i) => event(i));

async function withFreshStore<T>(name: string, phase: (store: EventStore, url: string) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(`bench_${name}`, 24);
  try {
    await migrate(database.pool);
    await database.pool.query('CHECKPOINT');
    return await phase(new EventStore(database.pool), database.url);
  } finally {
    await database.drop();
  }
}

/** The integrator in a process of its own (as a second replica would run it), until the returned stop. */
async function integratorProcess(databaseUrl: string): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('../test/support/swc-register.js'),
      require.resolve('./audit-integrator.process.ts'),
      databaseUrl,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

type Integration = 'none' | 'in-process' | 'own-process';

/** Appends of 10 events to new streams from 8 writers for a phase; events per second. */
async function appendRate(
  store: EventStore,
  databaseUrl: string,
  integrate: Integration,
): Promise<{ eventsPerSec: number; lagLeaves: number }> {
  const integrator = new AuditIntegrator(store.pool, { origin, signer, idlePollMs: 50 });
  if (integrate === 'in-process') integrator.start();
  const stopProcess = integrate === 'own-process' ? await integratorProcess(databaseUrl) : undefined;
  let streams = 0;
  const { steps, seconds } = await closedLoop(8, PHASE_MS, async () => {
    await store.append(`case-${streams++}`, 'no_stream', batchOf10);
  });
  await integrator.stop();
  await stopProcess?.();
  const { rows } = await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.audit_leaf');
  const leavesWanted = steps * 11;
  return {
    eventsPerSec: (steps * 10) / seconds,
    lagLeaves: integrate === 'none' ? 0 : leavesWanted - Number(rows[0]?.n),
  };
}

/** Leaves per second for the integrator catching up on `events` already appended (with its checkpoints). */
async function integratorRate(store: EventStore, events: number): Promise<{ leavesPerSec: number }> {
  for (let i = 0; i < events / 100; i++)
    await store.append(
      `bulk-${i}`,
      'no_stream',
      Array.from({ length: 100 }, (_, j) => event(j)),
    );
  const integrator = new AuditIntegrator(store.pool, { origin, signer, checkpointEveryLeaves: 1000 });
  const started = nowMs();
  const size = await integrator.catchUp();
  return { leavesPerSec: size / ((nowMs() - started) / 1000) };
}

/** From each append to the moment its receipt is available, at 50 appends/s with the integrator running. */
async function receiptLatency(store: EventStore): Promise<number[]> {
  const integrator = new AuditIntegrator(store.pool, { origin, signer, idlePollMs: 50, checkpointEveryMs: 1000 });
  integrator.start();
  try {
    return await openLoop(50, PHASE_MS, async (i) => {
      const { events } = await store.append(`receipt-${i}`, 'no_stream', [event(i)]);
      const eventId = events[0]!.eventId;
      while ((await receiptFor(store.pool, origin, eventId)).status !== 'ready') {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
  } finally {
    await integrator.stop();
  }
}

async function main(): Promise<void> {
  log('append without the integrator…');
  const without = await withFreshStore('audit_plain', (s, url) => appendRate(s, url, 'none'));
  log('append with the integrator in the same process…');
  const withIt = await withFreshStore('audit_integrated', (s, url) => appendRate(s, url, 'in-process'));
  log('append with the integrator in a process of its own…');
  const beside = await withFreshStore('audit_beside', (s, url) => appendRate(s, url, 'own-process'));
  log(`integrator and verify over ${VERIFY_EVENTS} events…`);
  const { integrator, verifyMs } = await withFreshStore('audit_verify', async (store) => {
    const integrator = await integratorRate(store, VERIFY_EVENTS);
    const started = nowMs();
    const report = await verifyLog(store.pool, {
      origin,
      verifierKeys: [new AuditIntegrator(store.pool, { origin, signer }).verifierKey],
    });
    if (!report.ok) throw new Error(`verify found problems in a clean log: ${JSON.stringify(report.problems[0])}`);
    return { integrator, verifyMs: nowMs() - started };
  });
  log('receipt latency…');
  const latencies = await withFreshStore('audit_receipt', receiptLatency);
  console.log(
    JSON.stringify({
      appendEventsPerSecWithout: round(without.eventsPerSec, 0),
      appendEventsPerSecWithIntegrator: round(withIt.eventsPerSec, 0),
      appendRatio: round(withIt.eventsPerSec / without.eventsPerSec, 2),
      appendEventsPerSecIntegratorOwnProcess: round(beside.eventsPerSec, 0),
      appendRatioIntegratorOwnProcess: round(beside.eventsPerSec / without.eventsPerSec, 2),
      integratorLagLeavesAtPhaseEnd: withIt.lagLeaves,
      integratorOwnProcessLagLeaves: beside.lagLeaves,
      integratorLeavesPerSec: round(integrator.leavesPerSec, 0),
      receiptP50Ms: round(percentile(latencies, 50), 0),
      receiptP99Ms: round(percentile(latencies, 99), 0),
      verifyEvents: VERIFY_EVENTS,
      verifySeconds: round(verifyMs / 1000, 1),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
