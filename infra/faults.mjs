#!/usr/bin/env node
// npm run test:faults: the full fault suite (FAULT_CASES, default 1,000; FAULT_ROUNDS, default 3 kills of every kind;
// FAULT_SEED to replay one), with the servers brought up like npm test does. It may crash and restart only the
// servers it started itself (a server already running belongs to someone else's work), and stops them at the end.
// Its JSON summary is the last line on stdout.
import path from 'node:path';
import { projectRoot } from './lib/config.mjs';
import { build, ensureDependencies } from './lib/deps.mjs';
import { interrupted, runStep, stopOnSignals } from './lib/run-guard.mjs';
import { serverEnv, stopStartedHere, up } from './dev.mjs';

const log = (line) => console.error(`[faults] ${line}`);
// Stdout is the suite's, so its JSON line stays the last there: the servers' progress goes to stderr.
console.log = console.error;

stopOnSignals('faults', stopStartedHere);
let ok = false;
try {
  ensureDependencies(log);
  const started = await up();
  build(log);
  if (started.length < 3)
    log(
      `servers already running, not crashed: ${['postgres', 'kafka', 'temporal'].filter((s) => !started.includes(s)).join(', ')}`,
    );
  const env = { ...process.env, ...(await serverEnv()), GOVFLOW_FAULTS_SERVERS: started.join(',') };
  const register = path.join(projectRoot, 'test', 'support', 'swc-register.js');
  const suite = path.join(projectRoot, 'test', 'faults', 'run-faults.ts');
  ok = await runStep(process.execPath, ['-r', register, suite], { cwd: projectRoot, env });
} catch (error) {
  if (!interrupted()) console.error(`[faults] ${error.message}`);
} finally {
  await stopStartedHere();
}
process.exitCode = ok ? 0 : 1;
