#!/usr/bin/env node
// node infra/server-fault.mjs crash|restart <postgres|kafka|temporal> [downMs]: the fault suite's hand on the servers
// this checkout's infra started (ports and data directories from the same environment as infra/dev.mjs).
// `crash` SIGKILLs the server, waits downMs (default 0) and starts it again; `restart` only starts it.
// `crash kafka-broker <downMs> <n>`: on a cluster (KAFKA_BROKERS_COUNT ≥ 3) only broker n, and it answers once every
// partition has all its replicas in sync again, so the next kill never takes a second copy away.
import { crashServer, restartServer } from './lib/server-faults.mjs';
import { sleep } from './lib/proc.mjs';

const [command, name, downMs = '0', broker = '1'] = process.argv.slice(2);
const log = (line) => console.error(`[${name}] ${line}`);
try {
  if (command === 'crash' && name === 'kafka-broker') {
    const { killBroker, restartBroker, waitForInSyncReplicas } = await import('./lib/kafka.mjs');
    await killBroker(Number(broker));
    log(`broker ${broker} killed with SIGKILL`);
    await sleep(Number(downMs));
    const t0 = Date.now();
    await restartBroker(Number(broker), log);
    await waitForInSyncReplicas({ timeoutMs: 120000 });
    console.log(JSON.stringify({ server: name, broker: Number(broker), restartMs: Date.now() - t0 }));
  } else {
    if (command === 'crash') {
      const pid = await crashServer(name);
      log(`pid ${pid} killed with SIGKILL`);
      await sleep(Number(downMs));
    } else if (command !== 'restart') {
      throw new Error(
        'usage: node infra/server-fault.mjs crash|restart <postgres|kafka|temporal> [downMs] | crash kafka-broker <downMs> <n>',
      );
    }
    const ms = await restartServer(name, log);
    console.log(JSON.stringify({ server: name, restartMs: ms }));
  }
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
