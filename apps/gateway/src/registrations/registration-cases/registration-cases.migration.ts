import type { Pool } from 'pg';
import { migrateUnderLock } from '@govflow/platform';

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
  // The application as filed and as supplemented, for the officer's task page and the license page.
  `ALTER TABLE registration_cases ADD COLUMN IF NOT EXISTS application jsonb`,
];

/** Creates the table of submitted cases (owner, Idempotency-Key) if it is missing; safe to run at every boot. */
export function migrateRegistrationCases(pool: Pool): Promise<void> {
  return migrateUnderLock(pool, MIGRATION_LOCK, STATEMENTS);
}
