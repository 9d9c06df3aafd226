#!/usr/bin/env node
// npm run test:fuzz: the full generated bad-input run (GOVFLOW_FUZZ_REQUESTS, default 10,000; GOVFLOW_FUZZ_SEED to
// replay one), with the servers brought up like npm test does and stopped again if it started them.
import fs from 'node:fs';
import path from 'node:path';
import { config, projectRoot } from './lib/config.mjs';
import { build, ensureDependencies } from './lib/deps.mjs';
import { interrupted, runStep, stopOnSignals } from './lib/run-guard.mjs';
import { serverEnv, stopStartedHere, up } from './dev.mjs';

const log = (line) => console.log(`[fuzz] ${line}`);
stopOnSignals('fuzz', stopStartedHere);
const report = path.join(config.localDir, 'fuzz-report.json');
fs.rmSync(report, { force: true }); // an earlier run's figures must never pass for this one's
let ok = false;
try {
  ensureDependencies(log);
  await up();
  build(log);
  const env = {
    ...process.env,
    ...(await serverEnv()),
    GOVFLOW_FUZZ_REQUESTS: process.env.GOVFLOW_FUZZ_REQUESTS ?? '10000',
    GOVFLOW_FUZZ_REPORT: report,
  };
  const jest = path.join(projectRoot, 'node_modules', '.bin', 'jest');
  ok = await runStep(jest, ['test/bad-input.e2e-spec.ts', '--selectProjects', 'integration', '--runInBand'], {
    cwd: projectRoot,
    env,
  });
} catch (error) {
  if (!interrupted()) console.error(`[fuzz] ${error.message}`);
} finally {
  await stopStartedHere();
}
// The last line: {requests, endpoints, status5xx, wrongShape, stateChanged, seed}.
if (fs.existsSync(report)) console.log(fs.readFileSync(report, 'utf8'));
process.exitCode = ok ? 0 : 1;
