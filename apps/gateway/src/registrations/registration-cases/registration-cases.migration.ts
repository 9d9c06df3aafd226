import type { Pool } from 'pg';

// Replicas may boot together: the advisory lock makes the CREATE run once while the others wait.
const MIGRATION_LOCK = 'gateway.registration_cases.migration';

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS registration_cases (
     case_id uuid PRIMARY KEY,
     applicant_id text NOT NULL,
     enterprise_name text NOT NULL,
     currency text NOT NULL,
     submitted_at timestamptz NOT NULL,
     idempotency_key text,
     request_fingerprint text NOT NULL,
     workflow_started boolean NOT NULL DEFAULT false,
     UNIQUE (applicant_id, idempotency_key)
   )`,
  `CREATE INDEX IF NOT EXISTS registration_cases_applicant_idx ON registration_cases (applicant_id, submitted_at DESC)`,
];

/** Creates the table of submitted cases (owner, Idempotency-Key) if it is missing; safe to run at every boot. */
export async function migrateRegistrationCases(pool: Pool): Promise<void> {
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
