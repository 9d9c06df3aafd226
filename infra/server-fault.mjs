#!/usr/bin/env node
// node infra/server-fault.mjs crash|restart <postgres|kafka|temporal> [downMs]: the fault suite's hand on the servers
// this checkout's infra started (ports and data directories from the same environment as infra/dev.mjs).
// `crash` SIGKILLs the server, waits downMs (default 0) and starts it again; `restart` only starts it.
import { crashServer, restartServer } from './lib/server-faults.mjs';
import { sleep } from './lib/proc.mjs';

const [command, name, downMs = '0'] = process.argv.slice(2);
const log = (line) => console.error(`[${name}] ${line}`);
try {
  if (command === 'crash') {
    const pid = await crashServer(name);
    log(`pid ${pid} killed with SIGKILL`);
    await sleep(Number(downMs));
  } else if (command !== 'restart') {
    throw new Error('usage: node infra/server-fault.mjs crash|restart <postgres|kafka|temporal> [downMs]');
  }
  const ms = await restartServer(name, log);
  console.log(JSON.stringify({ server: name, restartMs: ms }));
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
