import type { PoolClient } from 'pg';

export async function readCheckpoint(db: PoolClient, name: string): Promise<bigint> {
  const { rows } = await db.query<{ position: string }>(
    'SELECT position FROM event_store.projection_checkpoints WHERE name = $1',
    [name],
  );
  return BigInt(rows[0]?.position ?? 0);
}

export async function writeCheckpoint(db: PoolClient, name: string, position: bigint): Promise<void> {
  await db.query(
    `INSERT INTO event_store.projection_checkpoints (name, position) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
    [name, position.toString()],
  );
}
