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
];

/** Creates the users table if it is missing; safe to run at every boot. */
export function migrateUsersTable(pool: Pool): Promise<void> {
  return migrateUnderLock(pool, MIGRATION_LOCK, STATEMENTS);
}
