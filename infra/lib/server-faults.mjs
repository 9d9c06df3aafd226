// Crashes and restarts one local server the way infra started it (same ports, same data directories), for the
// fault suite: SIGKILL to its whole process group, so no clean shutdown, checkpoint or fsync on the way out.
import { config } from './config.mjs';
import { isAlive, readPid, sleep } from './proc.mjs';

export const serverNames = ['postgres', 'kafka', 'temporal'];

async function component(name) {
  if (!serverNames.includes(name)) throw new Error(`unknown server ${name}; one of ${serverNames.join(', ')}`);
  return (await import(`./${name}.mjs`)).default;
}

/** SIGKILLs the server recorded in this checkout's pid file; refuses when there is none (not ours to kill). */
export async function crashServer(name) {
  await component(name);
  const pid = readPid(name);
  if (!isAlive(pid)) throw new Error(`${name}: no running server recorded in ${config.runDir}; not ours to crash`);
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  const deadline = Date.now() + 30000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`${name}: pid ${pid} still alive 30 s after SIGKILL`);
    await sleep(50);
  }
  return pid;
}

/** Starts the server again with infra's own start (it recovers from its data directory) and waits until ready. */
export async function restartServer(name, log = () => {}) {
  const server = await component(name);
  const t0 = Date.now();
  await server.start(log);
  return Date.now() - t0;
}
