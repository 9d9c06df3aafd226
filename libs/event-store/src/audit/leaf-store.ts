import type { Queryable } from '../transactions/unit-of-work';
import type { CompletedNode } from '../merkle/compact-range';
import { eventColumns, type EventRow } from '../store/read-events';
import type { AuditLeaf } from './audit-leaf';

export interface LeafRow {
  log_index: string;
  kind: AuditLeaf['kind'];
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  leaf_hash: Buffer;
}

/** The log's size and the global position of its last event: where the integrator resumes. */
export async function logHead(db: Queryable): Promise<{ size: number; lastPosition: bigint }> {
  const { rows } = await db.query<{ log_index: string; global_position: string }>(
    'SELECT log_index, global_position FROM event_store.audit_leaf ORDER BY log_index DESC LIMIT 1',
  );
  const last = rows[0];
  return last
    ? { size: Number(last.log_index) + 1, lastPosition: BigInt(last.global_position) }
    : { size: 0, lastPosition: 0n };
}

export async function insertLeaves(db: Queryable, leaves: readonly { leaf: AuditLeaf; hash: Buffer }[]) {
  if (!leaves.length) return;
  await db.query(
    `INSERT INTO event_store.audit_leaf (log_index, kind, global_position, event_id, stream_id, version, leaf_hash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::int[], $7::bytea[])`,
    [
      leaves.map(({ leaf }) => leaf.log_index),
      leaves.map(({ leaf }) => leaf.kind),
      leaves.map(({ leaf }) => leaf.global_position),
      leaves.map(({ leaf }) => leaf.event_id),
      leaves.map(({ leaf }) => leaf.stream_id),
      leaves.map(({ leaf }) => (leaf.kind === 'event' ? leaf.stream_version : 0)),
      leaves.map(({ hash }) => hash),
    ],
  );
}

export async function insertNodes(db: Queryable, nodes: readonly CompletedNode[]) {
  if (!nodes.length) return;
  await db.query(
    'INSERT INTO event_store.audit_node (level, idx, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])',
    [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)],
  );
}

/** Leaves from `fromIndex` on, each with its event row as stored now (null where the row is gone). */
export async function leavesWithRows(
  db: Queryable,
  fromIndex: number,
  toIndex: number,
): Promise<(LeafRow & { row: EventRow | null })[]> {
  const prefixed = eventColumns
    .split(', ')
    .map((c) => `e.${c} AS e_${c}`)
    .join(', ');
  const { rows } = await db.query<LeafRow & Record<string, unknown>>(
    `SELECT l.log_index, l.kind, l.global_position, l.event_id, l.stream_id, l.version, l.leaf_hash, ${prefixed}
     FROM event_store.audit_leaf AS l LEFT JOIN event_store.events AS e ON e.event_id = l.event_id
     WHERE l.log_index >= $1 AND l.log_index < $2 ORDER BY l.log_index`,
    [fromIndex, toIndex],
  );
  return rows.map((r) => {
    const row = r.e_event_id
      ? (Object.fromEntries(eventColumns.split(', ').map((c) => [c, r[`e_${c}`]])) as unknown as EventRow)
      : null;
    return {
      log_index: r.log_index,
      kind: r.kind,
      global_position: r.global_position,
      event_id: r.event_id,
      stream_id: r.stream_id,
      version: r.version,
      leaf_hash: r.leaf_hash,
      row,
    };
  });
}
