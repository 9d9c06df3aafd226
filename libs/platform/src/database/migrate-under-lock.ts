import type { Pool } from 'pg';

/**
 * Runs additive, idempotent DDL (CREATE … IF NOT EXISTS) in one transaction under an advisory lock named for the
 * migration: replicas that boot together take turns instead of racing on the catalog.
 */
export async function migrateUnderLock(pool: Pool, lockName: string, statements: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
