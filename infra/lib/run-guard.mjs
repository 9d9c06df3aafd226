// A run (npm test, npm start, a benchmark) stops what it started when it fails or is interrupted: Ctrl-C, SIGTERM
// (also what `timeout` sends) or SIGHUP. Steps run in process groups of their own, so stopping one also stops
// whatever it started (apps a test spawned, the time-skipping test server), and nothing of a step outlives it.
import { spawn } from 'node:child_process';
import { sleep } from './proc.mjs';

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
const steps = new Set();
let stopping = false;

/** True once a signal is stopping the run: what then fails in the run's own flow is a consequence, not news. */
export const interrupted = () => stopping;

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is empty
  }
}

/** Stops a step's process group: SIGTERM, then SIGKILL for whatever is left after the grace period. */
async function stopGroup(pid, graceMs = 5000) {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && signalGroup(pid, 0)) await sleep(100);
  signalGroup(pid, 'SIGKILL');
}

/** Runs a command to its end in its own process group, output to ours; resolves true when it exits 0. */
export function runStep(command, args, { cwd, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit', detached: true });
    steps.add(child.pid);
    child.once('error', (error) => {
      console.error(`${command}: ${error.message}`);
      steps.delete(child.pid);
      resolve(false);
    });
    child.once('exit', (code) => {
      // A child the step left behind in its group (an app a test failed to stop) goes with it.
      signalGroup(child.pid, 'SIGKILL');
      steps.delete(child.pid);
      resolve(code === 0);
    });
  });
}

/**
 * On SIGINT, SIGTERM or SIGHUP: stops the running step's process group, then calls `stopStarted` (which stops the
 * servers and apps this run started) and exits with 128 + the signal number. A second signal does not cut it short.
 */
export function stopOnSignals(label, stopStarted) {
  for (const signal of Object.keys(SIGNAL_NUMBERS)) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n[${label}] ${signal}: stopping what this run started`);
      Promise.all([...steps].map((pid) => stopGroup(pid)))
        .then(() => stopStarted())
        .catch((error) => console.error(`[${label}] ${error.message}`))
        .finally(() => process.exit(128 + SIGNAL_NUMBERS[signal]));
    });
  }
}
