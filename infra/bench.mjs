#!/usr/bin/env node
// npm run bench:<name>: starts the servers the benchmark needs the way npm test does, runs it (its JSON line is
// the last it prints), then stops what it started: also when it fails or is interrupted.
// Usage: node infra/bench.mjs <benchmark.ts> [args…]
import path from 'node:path';
import { projectRoot } from './lib/config.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { interrupted, runStep, stopOnSignals } from './lib/run-guard.mjs';
import { serverEnv, stopStartedHere, up } from './dev.mjs';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node infra/bench.mjs <benchmark.ts> [args…]');
  process.exit(2);
}
const log = (line) => console.error(`[bench] ${line}`);
// Stdout is the benchmark's, so its JSON line stays the last there: the servers' progress goes to stderr.
console.log = console.error;

stopOnSignals('bench', stopStartedHere);
let ok = false;
try {
  ensureDependencies(log);
  await up();
  const env = { ...process.env, ...(await serverEnv()) };
  const register = path.join(projectRoot, 'test', 'support', 'swc-register.js');
  ok = await runStep(process.execPath, ['-r', register, path.resolve(script), ...args], { cwd: projectRoot, env });
} catch (error) {
  if (!interrupted()) console.error(`[bench] ${error.message}`);
} finally {
  await stopStartedHere();
}
process.exitCode = ok ? 0 : 1;
