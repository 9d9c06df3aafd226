#!/usr/bin/env node
// npm test: installs what is missing, brings up the servers that are not running, runs lint, the type
// check and every jest project, then stops only the servers it started.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { config, projectRoot } from './lib/config.mjs';
import { build, ensureDependencies } from './lib/deps.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { down, serverEnv, up } from './dev.mjs';

const log = (line) => console.log(`[test] ${line}`);
const bin = (name) => path.join(projectRoot, 'node_modules', '.bin', name);
const results = path.join(config.localDir, 'jest-results.json');

function step(label, command, args, env = process.env) {
  const t0 = Date.now();
  log(`${label}…`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  log(`${label} ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function summary() {
  try {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    return `${r.numPassedTests} passed, ${r.numFailedTests} failed`;
  } catch {
    return undefined;
  }
}

let started = [];
let ok = false;
const t0 = Date.now();
try {
  ensureDependencies(log);
  ensureChromium(log);
  started = await up();
  build(log);
  const env = { ...process.env, ...(await serverEnv()) };
  fs.rmSync(results, { force: true });
  ok =
    step('lint', bin('eslint'), ['.']) &&
    step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']) &&
    step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) &&
    step('jest (unit + integration)', bin('jest'), ['--ci', '--json', `--outputFile=${results}`], env);
} catch (error) {
  console.error(`[test] ${error.message}`);
} finally {
  if (started.length > 0) {
    log(`stopping what this run started: ${started.join(', ')}`);
    await down(started);
  }
}
log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const line = summary();
if (line) console.log(`\ntests: ${line}`);
process.exitCode = ok ? 0 : 1;
