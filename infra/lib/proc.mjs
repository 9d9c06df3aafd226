// Process helpers: start detached servers with pid files, stop exactly what we started, wait for readiness.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { config } from './config.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pidFile = (name) => path.join(config.runDir, `${name}.pid`);
export const logFile = (name) => path.join(config.logDir, `${name}.log`);

// The kernel's start time of a process (field 22 of /proc/<pid>/stat): with the pid, it names one process for
// good, so a pid file left by a reboot can never make us signal an unrelated process that reused the pid.
function startTimeOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function readPid(name) {
  let content;
  try {
    content = fs.readFileSync(pidFile(name), 'utf8').trim();
  } catch {
    return undefined;
  }
  const [pidText, recordedStart] = content.split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const actualStart = startTimeOf(pid);
  if (recordedStart && actualStart && actualStart !== recordedStart) return undefined;
  return pid;
}

export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

export const isRunning = (name) => isAlive(readPid(name));

// What this node process spawned with a pid file, so a failed or interrupted run stops exactly that; once a run is
// stopping, no new server may start behind its back.
const spawned = new Set();
let refusing = false;
export const spawnedHere = () => new Set(spawned);
export const refuseNewProcesses = () => void (refusing = true);

/** Starts a server in its own process group, output appended to its log, pid recorded. */
/** `component` names the server this process belongs to (a Kafka cluster's brokers are one server), for stopping. */
export function startDetached(name, command, args, { env = {}, cwd, uid, gid, component = name } = {}) {
  if (refusing) throw new Error(`${name}: not started, the run is stopping`);
  fs.mkdirSync(config.runDir, { recursive: true });
  fs.mkdirSync(config.logDir, { recursive: true });
  const out = fs.openSync(logFile(name), 'a');
  fs.writeSync(out, `\n--- ${new Date().toISOString()} starting ${command} ${args.join(' ')}\n`);
  const child = spawn(command, args, {
    cwd,
    uid,
    gid,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (!child.pid) throw new Error(`${name}: could not spawn ${command}`);
  fs.writeFileSync(pidFile(name), `${child.pid} ${startTimeOf(child.pid) ?? ''}`.trim());
  spawned.add(component);
  child.unref();
  return child.pid;
}

/** Stops the process group recorded for `name`: the signal first, SIGKILL after the grace period. */
export async function stopRecorded(name, { signal = 'SIGTERM', graceMs = 15000 } = {}) {
  const pid = readPid(name);
  if (!isAlive(pid)) {
    fs.rmSync(pidFile(name), { force: true });
    return false;
  }
  const signalGroup = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signalGroup(signal);
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) signalGroup('SIGKILL');
  while (isAlive(pid)) await sleep(50);
  fs.rmSync(pidFile(name), { force: true });
  return true;
}

export function tcpOpen(port, host = config.host, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function tailLog(name, lines = 15) {
  try {
    return fs.readFileSync(logFile(name), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log yet)';
  }
}

/** A port held by a program this project did not start: one line naming it and the variable that moves it. */
export class PortTaken extends Error {
  constructor(port, variable) {
    super(
      `port ${port} on ${config.host} is taken by a program this project did not start; set ${variable} to use another`,
    );
  }
}

/** Throws PortTaken for the first of [port, variable] pairs that something already listens on. */
export async function requireFreePorts(pairs) {
  for (const [port, variable] of pairs) if (await tcpOpen(port)) throw new PortTaken(port, variable);
}

export class ComponentFailed extends Error {
  constructor(name, reason) {
    super(`${name} failed to start: ${reason} (log: ${logFile(name)})\n${tailLog(name)}`);
  }
}

/** Polls `check` until it returns true; fails naming the component, its log and the log's tail. */
export async function waitUntil(name, check, { timeoutMs = 60000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!isRunning(name)) throw new ComponentFailed(name, 'process exited');
    if (await check()) return;
    if (Date.now() > deadline) throw new ComponentFailed(name, `not ready after ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${output}`);
  }
  return result.stdout ?? '';
}

export function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}
