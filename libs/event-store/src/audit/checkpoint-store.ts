import type { Queryable } from '../transactions/unit-of-work';

export interface StoredCheckpoint {
  size: number;
  root: Buffer;
  note: string;
  keyId: string;
  signedAt: Date;
}

interface CheckpointRow {
  tree_size: string;
  root_hash: Buffer;
  note: string;
  key_id: string;
  signed_at: Date;
}

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  size: Number(row.tree_size),
  root: row.root_hash,
  note: row.note,
  keyId: row.key_id,
  signedAt: row.signed_at,
});

const columns = 'tree_size, root_hash, note, key_id, signed_at';

export async function latestCheckpoint(db: Queryable): Promise<StoredCheckpoint | undefined> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT ${columns} FROM event_store.audit_checkpoint ORDER BY tree_size DESC LIMIT 1`,
  );
  return rows[0] && toCheckpoint(rows[0]);
}

/** The latest checkpoint, if it covers leaf `logIndex`: a receipt needs just one, and the newest proves most. */
export async function checkpointCovering(db: Queryable, logIndex: number): Promise<StoredCheckpoint | undefined> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT ${columns} FROM event_store.audit_checkpoint WHERE tree_size > $1 ORDER BY tree_size DESC LIMIT 1`,
    [logIndex],
  );
  return rows[0] && toCheckpoint(rows[0]);
}

export async function allCheckpoints(db: Queryable): Promise<StoredCheckpoint[]> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT ${columns} FROM event_store.audit_checkpoint ORDER BY tree_size`,
  );
  return rows.map(toCheckpoint);
}

export async function insertCheckpoint(db: Queryable, c: Omit<StoredCheckpoint, 'signedAt'>): Promise<void> {
  await db.query(
    'INSERT INTO event_store.audit_checkpoint (tree_size, root_hash, note, key_id) VALUES ($1, $2, $3, $4)',
    [c.size, c.root, c.note, c.keyId],
  );
}
