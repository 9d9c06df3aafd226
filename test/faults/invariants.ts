import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import type { PlatformStack } from '../support/platform-stack';
import { eventIdsSince, type Offsets } from './kafka-range';
import type { PatientClient } from './patient-client';

export interface Findings {
  lost: number;
  duplicated: number;
  verified: boolean;
  details: string[];
}

const stores = ['registration', 'tax', 'permits', 'science'] as const;

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every event id in each service's store. */
async function storedEventIds(stack: PlatformStack): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  for (const store of stores) {
    const rows = await query<{ event_id: string }>(
      stack.databaseUrls[store],
      'SELECT event_id FROM event_store.events',
    );
    ids.set(
      store,
      rows.map((row) => row.event_id),
    );
  }
  return ids;
}

/**
 * Lost: an event in a service's store that never reached Kafka, or never reached the gateway's audit trail (the
 * read model every topic feeds); a license without its tax record. Polled until `deadline`, since relays and
 * consumers catch up after the last crash.
 */
async function lostEvents(stack: PlatformStack, kafka: Kafka, starts: Offsets, deadline: number) {
  for (;;) {
    const stored = await storedEventIds(stack);
    const onKafka = await eventIdsSince(kafka, starts);
    const inAudit = new Set(
      (await query<{ event_id: string }>(stack.databaseUrls.gateway, 'SELECT event_id FROM audit_events')).map(
        (row) => row.event_id,
      ),
    );
    const details: string[] = [];
    let lost = 0;
    for (const [store, ids] of stored) {
      const notOnKafka = ids.filter((id) => !onKafka.has(id));
      const notInAudit = ids.filter((id) => !inAudit.has(id));
      lost += notOnKafka.length + notInAudit.length;
      details.push(
        `${store}: ${ids.length} stored, ${notOnKafka.length} not on Kafka, ${notInAudit.length} not in audit trail`,
      );
    }
    const licenses = await query<{ code: string }>(
      stack.databaseUrls.registration,
      `SELECT data->>'creditCode' AS code FROM event_store.events WHERE type = 'LicenseIssued'`,
    );
    const taxRecords = new Set(
      (
        await query<{ code: string }>(
          stack.databaseUrls.tax,
          `SELECT data->>'taxpayerId' AS code FROM event_store.events WHERE type = 'TaxRecordOpened'`,
        )
      ).map((row) => row.code),
    );
    const untaxed = licenses.filter((license) => !taxRecords.has(license.code)).length;
    lost += untaxed;
    details.push(`licenses without a tax record: ${untaxed}`);
    if (lost === 0 || Date.now() > deadline) return { lost, details };
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

/** Duplicated effects: two licenses for one case, one credit code on two licenses, two tax records for one license. */
async function duplicatedEffects(stack: PlatformStack) {
  const twice = async (url: string, what: string, sql: string) => {
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM (${sql} HAVING count(*) > 1) d`);
    return { what, n: Number(rows[0]?.n ?? 0) };
  };
  const licenses = `FROM event_store.events WHERE type = 'LicenseIssued'`;
  const found = await Promise.all([
    twice(stack.databaseUrls.registration, 'cases with two licenses', `SELECT 1 ${licenses} GROUP BY data->>'caseId'`),
    twice(
      stack.databaseUrls.registration,
      'credit codes on two licenses',
      `SELECT 1 ${licenses} GROUP BY data->>'creditCode'`,
    ),
    twice(
      stack.databaseUrls.tax,
      'licenses with two tax records',
      `SELECT 1 FROM event_store.events WHERE type = 'TaxRecordOpened' GROUP BY data->>'taxpayerId'`,
    ),
  ]);
  return {
    duplicated: found.reduce((sum, { n }) => sum + n, 0),
    details: found.map(({ what, n }) => `${what}: ${n}`),
  };
}

/** Every hash chain (POST /api/admin/integrity) and every Merkle log with its checkpoints (POST /api/audit/verify). */
async function verifyAudit(admin: PatientClient) {
  const chains = await admin.post<{ service: string; intact?: boolean; reachable: boolean }[]>('/api/admin/integrity');
  const logs = await admin.post<{ ok: boolean; services: { service: string; ok: boolean; problems: unknown[] }[] }>(
    '/api/audit/verify',
    { reason: 'fault suite: verify after the crashes' },
  );
  const chainsOk = chains.status === 200 && chains.body.every((s) => s.reachable && s.intact === true);
  const logsOk = logs.status === 200 && logs.body.ok;
  return {
    verified: chainsOk && logsOk,
    details: [`hash chains: ${JSON.stringify(chains.body)}`, `audit logs: ${JSON.stringify(logs.body)}`],
  };
}

export async function checkInvariants(
  stack: PlatformStack,
  kafka: Kafka,
  starts: Offsets,
  admin: PatientClient,
  deadline: number,
): Promise<Findings> {
  const lost = await lostEvents(stack, kafka, starts, deadline);
  const duplicated = await duplicatedEffects(stack);
  const audit = await verifyAudit(admin);
  return {
    lost: lost.lost,
    duplicated: duplicated.duplicated,
    verified: audit.verified,
    details: [...lost.details, ...duplicated.details, ...audit.details],
  };
}
