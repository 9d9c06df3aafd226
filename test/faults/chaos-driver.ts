import { execFile } from 'node:child_process';
import path from 'node:path';
import type { PlatformStack } from '../support/platform-stack';

export const appKinds = ['gateway', 'registration', 'tax', 'science-commission', 'orchestrator', 'permits'] as const;
export const serverKinds = ['kafka', 'postgres', 'temporal'] as const;
/** On a Kafka cluster (KAFKA_BROKERS_COUNT ≥ 3) one broker at a time goes down, never the whole of Kafka. */
export type Kind = (typeof appKinds)[number] | (typeof serverKinds)[number] | 'kafka-broker';

/** mulberry32: a small seeded generator, so a run's kill order and moments replay from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rounds` rounds, each every kind once in a seeded order: every kind is killed `rounds` times. */
export function killSchedule(kinds: readonly Kind[], rounds: number, random: () => number): Kind[] {
  const order: Kind[] = [];
  for (let round = 0; round < rounds; round++) {
    const shuffled = [...kinds];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    order.push(...shuffled);
  }
  return order;
}

/**
 * The servers this run may crash: those infra started for this very run (GOVFLOW_FAULTS_SERVERS, set by
 * infra/test.mjs and infra/faults.mjs), never a server shared with other people's runs.
 */
export function crashableServers(): Kind[] {
  const allowed = (process.env.GOVFLOW_FAULTS_SERVERS ?? '').split(',').map((name) => name.trim());
  const cluster = Number(process.env.KAFKA_BROKERS_COUNT ?? 1) >= 3;
  return serverKinds
    .filter((kind) => allowed.includes(kind))
    .map((kind) => (kind === 'kafka' && cluster ? 'kafka-broker' : kind));
}

/** The kinds a run kills: FAULT_KINDS (a comma-separated list) narrows them, e.g. to the brokers alone. */
export function killableKinds(only = process.env.FAULT_KINDS): Kind[] {
  const all: Kind[] = [...appKinds, ...crashableServers()];
  if (!only) return all;
  const wanted = only.split(',').map((kind) => kind.trim());
  const unknown = wanted.filter((kind) => !all.includes(kind as Kind));
  if (unknown.length) throw new Error(`FAULT_KINDS: cannot kill ${unknown.join(', ')} here; one of ${all.join(', ')}`);
  return all.filter((kind) => wanted.includes(kind));
}

const serverFault = path.join(__dirname, '..', '..', 'infra', 'server-fault.mjs');

/**
 * SIGKILLs one process of `kind`, leaves it down for `downMs`, starts it again and waits until it answers; a broker
 * (`broker`, from 1) also until every partition is back in sync.
 */
export async function crashAndRestart(stack: PlatformStack, kind: Kind, downMs: number, broker = 1): Promise<void> {
  if ((appKinds as readonly string[]).includes(kind)) {
    await stack.crash(kind);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await stack.restart(kind);
    return;
  }
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [serverFault, 'crash', kind, String(downMs), String(broker)],
      { env: process.env, timeout: 180_000 },
      (error, _stdout, stderr) => (error ? reject(new Error(`${kind}: ${stderr || error.message}`)) : resolve()),
    ),
  );
}
