/**
 * The audit log's tables, insert-only like the events (the same trigger refuses UPDATE/DELETE/TRUNCATE; a
 * superuser can still undo that, which is why checkpoints are also published outside the database).
 * audit_leaf: one row per leaf, dense log_index in the integrator's order; audit_node: every completed perfect
 * subtree above the leaves, so any proof reads O(log n) rows; audit_checkpoint: the signed notes.
 */
const appendOnly = (table: string) => [
  `DROP TRIGGER IF EXISTS ${table}_is_append_only ON event_store.${table}`,
  `CREATE TRIGGER ${table}_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.${table}
   FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_change()`,
];

export const auditLogStatements = [
  `CREATE TABLE IF NOT EXISTS event_store.audit_leaf (
     log_index bigint PRIMARY KEY CHECK (log_index >= 0),
     kind text NOT NULL CHECK (kind IN ('event', 'stream-created')),
     global_position bigint NOT NULL,
     event_id uuid NOT NULL,
     stream_id text NOT NULL,
     version integer NOT NULL,
     leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32),
     integrated_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (event_id, kind)
   )`,
  `CREATE TABLE IF NOT EXISTS event_store.audit_node (
     level smallint NOT NULL CHECK (level > 0),
     idx bigint NOT NULL,
     hash bytea NOT NULL CHECK (length(hash) = 32),
     PRIMARY KEY (level, idx)
   )`,
  `CREATE TABLE IF NOT EXISTS event_store.audit_checkpoint (
     tree_size bigint PRIMARY KEY CHECK (tree_size > 0),
     root_hash bytea NOT NULL,
     note text NOT NULL,
     key_id text NOT NULL,
     signed_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS event_store.audit_publication (
     tree_size bigint NOT NULL,
     channel text NOT NULL,
     published_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tree_size, channel)
   )`,
  ...appendOnly('audit_leaf'),
  ...appendOnly('audit_node'),
  ...appendOnly('audit_checkpoint'),
  ...appendOnly('audit_publication'),
];
