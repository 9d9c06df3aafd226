import { Pool } from 'pg';
import { POSITION_SHIFT } from '../store/position';
import { auditLogStatements } from '../audit/audit-log.schema';

// Position = transaction id << POSITION_SHIFT | n-th event of that transaction (see store/position.ts).
const statements = [
  'CREATE SCHEMA IF NOT EXISTS event_store',
  `CREATE TABLE IF NOT EXISTS event_store.events (
     position bigint PRIMARY KEY,
     transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     event_id uuid NOT NULL UNIQUE,
     stream_id text NOT NULL,
     version integer NOT NULL CHECK (version > 0),
     type text NOT NULL,
     schema_version integer NOT NULL CHECK (schema_version > 0),
     data jsonb NOT NULL,
     metadata jsonb NOT NULL,
     occurred_at timestamptz NOT NULL,
     previous_hash text,
     hash text NOT NULL,
     UNIQUE (stream_id, version),
     CONSTRAINT position_follows_transaction CHECK (position >> ${POSITION_SHIFT} = transaction_id::text::bigint)
   )`,
  `CREATE OR REPLACE FUNCTION event_store.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION 'event_store.events is append-only (% refused)', TG_OP; END $$`,
  'DROP TRIGGER IF EXISTS events_are_append_only ON event_store.events',
  `CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.events
   FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_change()`,
  `CREATE TABLE IF NOT EXISTS event_store.snapshots (
     stream_id text NOT NULL,
     version integer NOT NULL,
     schema_version integer NOT NULL,
     state jsonb NOT NULL,
     taken_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (stream_id, version)
   )`,
  `CREATE TABLE IF NOT EXISTS event_store.relay_checkpoints (
     name text PRIMARY KEY,
     position bigint NOT NULL DEFAULT 0,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS event_store.inbox (
     consumer text NOT NULL,
     message_id text NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, message_id)
   )`,
  `CREATE TABLE IF NOT EXISTS event_store.projection_checkpoints (
     name text PRIMARY KEY,
     position bigint NOT NULL DEFAULT 0,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  ...auditLogStatements,
];

/** Creates the event store's tables in schema event_store; idempotent, and safe when replicas start together. */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('event_store.migrate'))`);
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('event_store.migrate'))`);
    }
  } finally {
    client.release();
  }
}
