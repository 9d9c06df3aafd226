#!/usr/bin/env node
// npm start: dependencies, servers, every app; prints where to go. If it fails or is interrupted before everything
// is ready, it stops what it started.
import { apps, healthUrl, requireFreeAppPorts, startApps, timeScale } from './lib/apps.mjs';
import { build, ensureDependencies } from './lib/deps.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { interrupted, stopOnSignals } from './lib/run-guard.mjs';
import { demoUserLines } from './lib/demo-users.mjs';
import { serverEnv, stopStartedHere, up } from './dev.mjs';

const log = (line) => console.log(line);
const t0 = Date.now();
stopOnSignals('start', stopStartedHere);
try {
  await requireFreeAppPorts(); // before anything starts; up() checks the servers' ports the same way
  ensureDependencies(log);
  ensureChromium(log);
  build(log);
  await up();
  const env = await serverEnv();
  await startApps(env, log);
  const gateway = apps.find((a) => a.name === 'gateway');
  console.log(`\nready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`  portal (gateway)  http://127.0.0.1:${gateway.port}/sign-in   health ${healthUrl(gateway)}`);
  for (const line of demoUserLines()) console.log(`  ${line}`);
  if (env.TEMPORAL_UI_URL) console.log(`  Temporal UI       ${env.TEMPORAL_UI_URL}`);
  if (timeScale() !== '1') {
    console.log(
      `  clock             GOVFLOW_TIME_SCALE=${timeScale()}: timers of new cases run that many times faster`,
    );
  }
  console.log('  stop everything:  npm run stop');
} catch (error) {
  if (!interrupted()) console.error(`npm start failed: ${error.message}`);
  await stopStartedHere();
  process.exitCode = 1;
}
