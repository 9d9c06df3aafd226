#!/usr/bin/env node
// npm test: installs what is missing, brings up the servers that are not running, runs lint, the type
// check and every jest project, then stops what it started: also when a step fails or the run is interrupted.
import fs from 'node:fs';
import path from 'node:path';
import { config, projectRoot } from './lib/config.mjs';
import { build, ensureDependencies } from './lib/deps.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { interrupted, runStep, stopOnSignals } from './lib/run-guard.mjs';
import { serverEnv, stopStartedHere, up } from './dev.mjs';

const log = (line) => console.log(`[test] ${line}`);
const bin = (name) => path.join(projectRoot, 'node_modules', '.bin', name);
const results = path.join(config.localDir, 'jest-results.json');

async function step(label, command, args, env = process.env) {
  const t0 = Date.now();
  log(`${label}…`);
  const ok = await runStep(command, args, { cwd: projectRoot, env });
  log(`${label} ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

function summary() {
  try {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    return `${r.numPassedTests} passed, ${r.numFailedTests} failed`;
  } catch {
    return undefined;
  }
}

stopOnSignals('test', stopStartedHere);
fs.rmSync(results, { force: true }); // a summary from an earlier run must never pass for this one's
let ok = false;
let ranSteps = false;
const t0 = Date.now();
try {
  ensureDependencies(log);
  ensureChromium(log);
  const started = await up();
  build(log);
  // The fault suite may crash and restart only the servers this run started, never one that serves other work.
  const env = { ...process.env, ...(await serverEnv()), GOVFLOW_FAULTS_SERVERS: started.join(',') };
  ranSteps = true;
  ok =
    (await step('lint', bin('eslint'), ['.'])) &&
    (await step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn'])) &&
    (await step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) &&
    (await step(
      'jest (unit + integration)',
      bin('jest'),
      // One suite at a time (jest's default on 2 cores): suites share the Kafka topics, so two at once read each
      // other's events (a second tax app opened a second exemption for another suite's enterprise).
      ['--ci', '--forceExit', '--runInBand', '--json', `--outputFile=${results}`],
      env,
    ));
} catch (error) {
  if (!interrupted()) console.error(`[test] ${error.message}`);
} finally {
  await stopStartedHere();
}
if (ranSteps) {
  log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const line = summary();
  if (line) console.log(`\ntests: ${line}`);
}
process.exitCode = ok ? 0 : 1;
