import type { Pool } from 'pg';

// Replicas may boot together: the advisory lock makes the CREATE run once while the others wait.
const MIGRATION_LOCK = 'gateway.users.migration';

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS users (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     username text NOT NULL UNIQUE,
     password_hash text NOT NULL,
     role text NOT NULL,
     department text,
     seeded boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
];

/** Creates the users table if it is missing; safe to run at every boot. */
export async function migrateUsersTable(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
    for (const statement of STATEMENTS) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
