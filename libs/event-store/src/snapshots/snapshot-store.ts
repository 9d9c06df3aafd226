import type { EventData } from '@govflow/messaging';
import type { Queryable } from '../transactions/unit-of-work';

export interface Snapshot {
  version: number;
  state: EventData;
}

/** The newest snapshot of `streamId` in `schemaVersion` taken at or before `atMostVersion`. */
export async function latestSnapshot(
  db: Queryable,
  streamId: string,
  schemaVersion: number,
  atMostVersion: number,
): Promise<Snapshot | undefined> {
  const { rows } = await db.query<Snapshot>(
    `SELECT version, state FROM event_store.snapshots
     WHERE stream_id = $1 AND schema_version = $2 AND version <= $3 ORDER BY version DESC LIMIT 1`,
    [streamId, schemaVersion, atMostVersion],
  );
  return rows[0];
}

export async function saveSnapshot(
  db: Queryable,
  streamId: string,
  schemaVersion: number,
  snapshot: Snapshot,
): Promise<void> {
  await db.query(
    `INSERT INTO event_store.snapshots (stream_id, version, schema_version, state) VALUES ($1, $2, $3, $4)
     ON CONFLICT (stream_id, version) DO NOTHING`,
    [streamId, snapshot.version, schemaVersion, JSON.stringify(snapshot.state)],
  );
}
