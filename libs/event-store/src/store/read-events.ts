import type { EventMetadata } from '@govflow/messaging';
import type { Queryable } from '../transactions/unit-of-work';
import type { StoredEvent } from './event-types';

export interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
  previous_hash: string | null;
  hash: string;
}

export const eventColumns =
  'position, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, previous_hash, hash';

// Only below the horizon: every transaction under it has committed or never will, and any event that commits
// later has a larger transaction id, hence a larger position (store/position.ts). The horizon is the oldest
// transaction running when the statement's snapshot was taken, skipping those seen running in another database:
// they cannot write these events, and a long one (another service, a report) would otherwise stall every reader.
// An id not seen at all (since finished, prepared, or hidden by permissions) still counts.
const readAllSql = `
  WITH snapshot AS (SELECT pg_current_snapshot() AS s),
  horizon AS (
    SELECT COALESCE(
      (SELECT min(running) FROM pg_snapshot_xip(s) AS running
       WHERE NOT EXISTS (SELECT FROM pg_stat_activity AS other
                         WHERE other.backend_xid = xid(running)
                           AND other.datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))),
      pg_snapshot_xmax(s)) AS below
    FROM snapshot)
  SELECT ${eventColumns} FROM event_store.events
  WHERE position > $1 AND transaction_id < (SELECT below FROM horizon)
  ORDER BY position LIMIT $2`;

const readStreamSql = `
  SELECT ${eventColumns} FROM event_store.events
  WHERE stream_id = $1 AND version > $2 AND version <= $3 ORDER BY version`;

export async function readAllRows(db: Queryable, after: bigint, limit: number): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>({
    name: 'event_store.read_all',
    text: readAllSql,
    values: [after.toString(), limit],
  });
  return rows;
}

export async function readStreamRows(
  db: Queryable,
  streamId: string,
  afterVersion: number,
  toVersion: number,
): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>({
    name: 'event_store.read_stream',
    text: readStreamSql,
    values: [streamId, afterVersion, toVersion],
  });
  return rows;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    version: row.version,
    position: BigInt(row.position),
    occurredAt: row.occurred_at,
    data: row.data,
    metadata: row.metadata,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
