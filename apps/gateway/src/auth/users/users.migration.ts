import type { Pool } from 'pg';
import { migrateUnderLock } from '@govflow/platform';

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
  // Every token carries the version it was issued under; changing the password bumps it and so revokes them all.
  `ALTER TABLE users ADD COLUMN IF NOT EXISTS password_version integer NOT NULL DEFAULT 0`,
  `CREATE TABLE IF NOT EXISTS revoked_tokens (
     token_id text PRIMARY KEY,
     user_id uuid NOT NULL,
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz NOT NULL DEFAULT now()
   )`,
  // Failed sign-ins per account and per client address, for throttling (ASVS 6.3.1).
  `CREATE TABLE IF NOT EXISTS sign_in_failures (
     key text PRIMARY KEY,
     failures integer NOT NULL,
     last_failure_at timestamptz NOT NULL,
     blocked_until timestamptz
   )`,
];

/** Creates the users table if it is missing; safe to run at every boot. */
export function migrateUsersTable(pool: Pool): Promise<void> {
  return migrateUnderLock(pool, MIGRATION_LOCK, STATEMENTS);
}
