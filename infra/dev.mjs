#!/usr/bin/env node
// The one entry point for local servers: node infra/dev.mjs up | down | status | env, and for the fault suite
// kill-broker N | restart-broker N | brokers (KAFKA_BROKERS_COUNT=3 runs a 3-broker Kafka cluster).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stopApps } from './lib/apps.mjs';
import { config } from './lib/config.mjs';
import { isRunning, refuseNewProcesses, requireFreePorts, spawnedHere } from './lib/proc.mjs';

const componentNames = ['postgres', 'kafka', 'temporal'];
const started = path.join(config.runDir, 'started-by.json');

async function loadComponents(names = componentNames) {
  return Promise.all(names.map(async (name) => (await import(`./lib/${name}.mjs`)).default));
}

// A server of several processes (a Kafka cluster) says itself whether any of them runs.
const running = (component) => component.isRunning?.() ?? isRunning(component.name);

const logFor = (name) => (line) => console.log(`[${name}] ${line}`);

/**
 * Installs and starts every server that is not running; returns the names of those it started. A port held by
 * another program fails it before anything starts; a server that fails to start fails it after the servers this
 * call started are stopped again.
 */
export async function up(names = componentNames) {
  const components = await loadComponents(names);
  await requireFreePorts(components.filter((c) => !running(c)).flatMap((c) => c.ports()));
  const before = await Promise.all(components.map((c) => c.status()));
  const results = await Promise.allSettled(
    components.map(async (component, i) => {
      const t0 = Date.now();
      await component.install(logFor(component.name));
      await component.start(logFor(component.name));
      if (!before[i].running) logFor(component.name)(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }),
  );
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [[components[i].name, r.reason]] : []));
  const newlyStarted = components.filter((_, i) => !before[i].running).map((c) => c.name);
  fs.mkdirSync(config.runDir, { recursive: true });
  fs.writeFileSync(started, JSON.stringify(newlyStarted));
  if (failures.length > 0) {
    await down(componentNames.filter((name) => spawnedHere().has(name)));
    const message = failures.map(([name, error]) => `${name}: ${error?.message ?? error}`).join('\n');
    throw new Error(message);
  }
  return newlyStarted;
}

let stoppingStartedHere;

/**
 * Stops the apps and servers this process started (each by its own pid file), and lets no new one start. A signal
 * handler and a failing run may both ask: they share one stop.
 */
export function stopStartedHere() {
  stoppingStartedHere ??= (async () => {
    refuseNewProcesses();
    const names = spawnedHere();
    await stopApps((app) => names.has(app));
    await down(componentNames.filter((name) => names.has(name)));
  })();
  return stoppingStartedHere;
}

/** Stops the named servers (all by default), each by its own pid file. */
export async function down(names = componentNames) {
  const components = await loadComponents(names);
  await Promise.all(components.map((c) => c.stop(logFor(c.name))));
}

export async function status() {
  const components = await loadComponents();
  return Promise.all(components.map(async (c) => ({ name: c.name, ...(await c.status()) })));
}

/** The environment variables that point apps and tests at the local servers. */
export async function serverEnv() {
  const components = await loadComponents();
  return Object.assign({}, ...components.map((c) => c.env()));
}

/** Names given on the command line (`up kafka`), checked; all servers when none. */
function namesFrom(args) {
  const unknown = args.filter((name) => !componentNames.includes(name));
  if (unknown.length > 0) throw new Error(`unknown server ${unknown.join(', ')}: use ${componentNames.join(', ')}`);
  return args.length > 0 ? args : componentNames;
}

function brokerFrom(arg) {
  const broker = Number(arg);
  if (!Number.isInteger(broker)) throw new Error('usage: node infra/dev.mjs kill-broker|restart-broker <1…N>');
  return broker;
}

async function main(command, args) {
  switch (command) {
    case 'up': {
      const names = namesFrom(args);
      await up(names);
      for (const s of (await status()).filter((c) => names.includes(c.name)))
        console.log(`${s.name.padEnd(9)} up      ${s.detail}`);
      return;
    }
    case 'down':
      await down(namesFrom(args));
      return;
    case 'kill-broker': {
      const { killBroker } = await import('./lib/kafka.mjs');
      await killBroker(brokerFrom(args[0]));
      console.log(`[kafka] broker ${args[0]} killed`);
      return;
    }
    case 'restart-broker': {
      const { restartBroker } = await import('./lib/kafka.mjs');
      await restartBroker(brokerFrom(args[0]), logFor('kafka'));
      return;
    }
    case 'wait-in-sync': {
      const { waitForInSyncReplicas } = await import('./lib/kafka.mjs');
      await waitForInSyncReplicas();
      return;
    }
    case 'brokers': {
      const { brokerProcesses } = await import('./lib/kafka.mjs');
      console.log(JSON.stringify(brokerProcesses()));
      return;
    }
    case 'status': {
      let allUp = true;
      for (const s of await status()) {
        allUp &&= s.running;
        console.log(`${s.name.padEnd(9)} ${s.running ? 'up  ' : 'down'}    ${s.detail}`);
      }
      process.exitCode = allUp ? 0 : 3;
      return;
    }
    case 'env':
      for (const [key, value] of Object.entries(await serverEnv())) console.log(`export ${key}=${value}`);
      return;
    default:
      console.error(
        'usage: node infra/dev.mjs up | down [postgres|kafka|temporal…] | status | env\n' +
          '       node infra/dev.mjs kill-broker N | restart-broker N | wait-in-sync | brokers',
      );
      process.exitCode = 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv[2], process.argv.slice(3)).catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
