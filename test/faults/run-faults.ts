// The fault suite: registration cases driven through the gateway while a seeded chaos driver SIGKILLs each process
// kind in turn and restarts it; then lost / duplicated / stuck are counted. `npm run test:faults` runs it in full
// (FAULT_CASES, FAULT_ROUNDS, FAULT_SEED); test/faults.e2e-spec.ts runs a short seeded form inside npm test.
import fs from 'node:fs';
import path from 'node:path';
import { Topic } from '@govflow/contracts';
import { createKafka } from '@govflow/messaging';
import { startPlatformStack } from '../support/platform-stack';
import { servers, uniqueId } from '../support/servers';
import { crashAndRestart, type Kind, killableKinds, killSchedule, seededRandom } from './chaos-driver';
import { checkInvariants } from './invariants';
import { topicEnds } from './kafka-range';
import { PatientClient } from './patient-client';
import { RegistrationWorkload } from './registration-workload';

export interface FaultOptions {
  cases: number;
  /** Every kind is killed this many times. */
  rounds: number;
  seed: number;
  basePort: number;
  /** How long after a batch of cases is filed the next kill comes, at random in [min, max]. */
  gapMs: [number, number];
  /** How long a killed process stays down, at random up to this. */
  maxDownMs: number;
  /** How long cases may take to finish after the last restart before they count as stuck. */
  settleMs: number;
  log?: (line: string) => void;
}

export interface FaultSummary {
  cases: number;
  killsByKind: Partial<Record<Kind, number>>;
  lost: number;
  duplicated: number;
  stuck: number;
  verified: boolean;
  http5xx: number;
  seconds: number;
  seed: number;
}

const auditedTopics = [
  Topic.RegistrationEvents,
  Topic.TaxEvents,
  Topic.TaskEvents,
  Topic.PermitEvents,
  Topic.ScienceCommissionEvents,
];

export async function runFaultSuite(options: FaultOptions): Promise<FaultSummary> {
  const log = options.log ?? ((line: string) => console.error(`[faults] ${line}`));
  const began = Date.now();
  const random = seededRandom(options.seed);
  const between = ([min, max]: [number, number]) => Math.round(min + random() * (max - min));
  const kafka = createKafka(uniqueId('fault-suite'), servers.kafkaBrokers);
  const starts = await topicEnds(kafka, auditedTopics);
  const stack = await startPlatformStack('faults', options.basePort, {}, 300_000);
  const serverErrors = new Map<string, number>();
  const fault = { now: 'before any kill' };
  const client = (user: string) => new PatientClient(stack.gatewayUrl, user, serverErrors, fault);
  const workload = new RegistrationWorkload(
    ['registrant1', 'registrant2'].map(client),
    ['reg-officer1', 'reg-officer2'].map(client),
    `faults-${options.seed}-${began}`,
    log,
  );
  const killsByKind: Partial<Record<Kind, number>> = {};
  try {
    const kinds = killableKinds();
    const brokers = Number(process.env.KAFKA_BROKERS_COUNT ?? 1);
    const schedule = killSchedule(kinds, options.rounds, random);
    const perKill = Math.ceil(options.cases / schedule.length);
    log(`seed ${options.seed}: ${options.cases} cases, kills ${schedule.join(' → ')}`);
    for (const kind of schedule) {
      workload.file(Math.min(perKill, options.cases - workload.filedCount));
      await new Promise((resolve) => setTimeout(resolve, between(options.gapMs)));
      const t0 = Date.now();
      fault.now = `while ${kind} down`;
      const broker = ((killsByKind[kind] ?? 0) % brokers) + 1; // each broker in turn
      await crashAndRestart(stack, kind, between([0, options.maxDownMs]), broker);
      fault.now = `after ${kind} restarted`;
      killsByKind[kind] = (killsByKind[kind] ?? 0) + 1;
      const which = kind === 'kafka-broker' ? ` ${broker}` : '';
      log(`killed and restarted ${kind}${which} in ${Date.now() - t0} ms; ${workload.filedCount} cases filed so far`);
    }
    workload.file(options.cases - workload.filedCount);
    const stuck = await workload.settle(Date.now() + options.settleMs);
    if (stuck.length > 0) log(`stuck: ${stuck.join(', ')}`);
    const findings = await checkInvariants(stack, kafka, starts, client('admin'), Date.now() + 60_000);
    for (const line of findings.details) log(line);
    for (const [route, n] of serverErrors) log(`5xx seen (retried): ${route} × ${n}`);
    return {
      cases: workload.caseIds.size,
      killsByKind,
      lost: findings.lost,
      duplicated: findings.duplicated,
      stuck: stuck.length + (options.cases - workload.caseIds.size),
      verified: findings.verified,
      http5xx: [...serverErrors.values()].reduce((sum, n) => sum + n, 0),
      seconds: Math.round((Date.now() - began) / 1000),
      seed: options.seed,
    };
  } finally {
    await workload.stop();
    keepOutputs(stack.outputs());
    await stack.stop();
  }
}

/** Each app's output (of its last start) in .local/logs/faults-<app>.log, to find what a 5xx or a stuck case hit. */
function keepOutputs(outputs: Record<string, string>): void {
  const dir = path.join(__dirname, '..', '..', '.local', 'logs');
  fs.mkdirSync(dir, { recursive: true });
  for (const [app, output] of Object.entries(outputs)) fs.writeFileSync(path.join(dir, `faults-${app}.log`), output);
}

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

if (require.main === module) {
  runFaultSuite({
    cases: number('FAULT_CASES', 1000),
    rounds: number('FAULT_ROUNDS', 3),
    seed: number('FAULT_SEED', Math.floor(Math.random() * 2 ** 31)),
    basePort: number('FAULT_BASE_PORT', 4400),
    gapMs: [1000, number('FAULT_MAX_GAP_MS', 20_000)],
    maxDownMs: number('FAULT_MAX_DOWN_MS', 3000),
    settleMs: number('FAULT_SETTLE_MS', 900_000),
  })
    .then((summary) => {
      console.log(JSON.stringify(summary));
      const clean = summary.lost === 0 && summary.duplicated === 0 && summary.stuck === 0 && summary.verified;
      process.exitCode = clean ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
