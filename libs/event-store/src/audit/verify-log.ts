import type { Queryable } from '../transactions/unit-of-work';
import { CompactRange } from '../merkle/compact-range';
import { eventColumns, type EventRow } from '../store/read-events';
import { CheckpointError, openCheckpoint, type Checkpoint } from './checkpoint-note';
import { allCheckpoints } from './checkpoint-store';
import { leavesWithRows } from './leaf-store';
import { leafFromRow, recomputeLeaf } from './recompute-leaf';
import { auditLeafHash } from './audit-leaf';

export type AuditProblemKind =
  'edited' | 'inserted' | 'reordered' | 'deleted-event' | 'deleted-stream' | 'truncated' | 'bad-checkpoint';

export interface AuditProblem {
  kind: AuditProblemKind;
  logIndex?: number;
  streamId?: string;
  version?: number;
  position?: string;
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  treeSize: number;
  checkpointSize: number;
  eventsChecked: number;
  problems: AuditProblem[];
}

export interface VerifyLogOptions {
  origin: string;
  /** The verifier keys a checkpoint may be signed by (C2SP vkey). */
  verifierKeys: readonly string[];
  /** Checkpoint notes kept outside this database (Kafka, a witness): a truncation shows only against them. */
  outsideNotes?: readonly string[];
}

function open(note: string, options: VerifyLogOptions): Checkpoint {
  let failure: unknown;
  for (const key of options.verifierKeys) {
    try {
      return openCheckpoint(note, key, options.origin);
    } catch (error) {
      failure = error;
    }
  }
  throw failure instanceof CheckpointError ? failure : new CheckpointError('no verifier key');
}

/**
 * Checks a service's audit log against its events and its signed checkpoints, and names every problem with its
 * place: each leaf is recomputed from its row as stored now, every row below the log's end must have a leaf,
 * each checkpoint must be signed and match the tree rebuilt from the leaves, and no checkpoint seen outside may
 * be larger than the tree. Never "ok" after a partial run: any error is thrown, not reported as success.
 */
export async function verifyLog(pool: Queryable, options: VerifyLogOptions): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const checkpoints = new Map<number, Checkpoint>();
  const notes = [...(await allCheckpoints(pool)).map((c) => ({ note: c.note, where: `database ${c.size}` }))];
  notes.push(...(options.outsideNotes ?? []).map((note) => ({ note, where: 'outside copy' })));
  for (const { note, where } of notes) {
    try {
      const checkpoint = open(note, options);
      const seen = checkpoints.get(checkpoint.size);
      if (seen && !seen.root.equals(checkpoint.root)) {
        problems.push({ kind: 'bad-checkpoint', detail: `two signed roots for size ${checkpoint.size} (fork)` });
      }
      checkpoints.set(checkpoint.size, checkpoint);
    } catch (error) {
      problems.push({ kind: 'bad-checkpoint', detail: `${where}: ${(error as Error).message}` });
    }
  }

  const leaves = await leavesWithRows(pool, 0, Number.MAX_SAFE_INTEGER);
  const range = CompactRange.empty();
  const streamsWithRows = new Set(
    (await pool.query<{ stream_id: string }>('SELECT DISTINCT stream_id FROM event_store.events')).rows.map(
      (r) => r.stream_id,
    ),
  );
  const deletedStreams = new Set<string>();
  let lastPosition = 0n;
  for (const leaf of leaves) {
    const index = Number(leaf.log_index);
    const at = { logIndex: index, streamId: leaf.stream_id, position: leaf.global_position };
    if (index !== range.treeSize) {
      problems.push({
        kind: 'deleted-event',
        ...at,
        logIndex: range.treeSize,
        detail: `leaves ${range.treeSize}…${index - 1} are missing`,
      });
      break;
    }
    if (BigInt(leaf.global_position) > lastPosition) lastPosition = BigInt(leaf.global_position);
    if (!leaf.row) {
      if (!streamsWithRows.has(leaf.stream_id)) {
        if (!deletedStreams.has(leaf.stream_id)) {
          deletedStreams.add(leaf.stream_id);
          problems.push({ kind: 'deleted-stream', ...at, detail: `stream ${leaf.stream_id} has no events left` });
        }
      } else if (leaf.kind === 'event') {
        problems.push({
          kind: 'deleted-event',
          ...at,
          version: leaf.version,
          detail: `event ${leaf.event_id} is gone`,
        });
      }
    } else if (!recomputeLeaf(leaf, leaf.row).equals(leaf.leaf_hash)) {
      problems.push(mismatch(leaf, leaf.row, at));
    }
    range.append(leaf.leaf_hash);
    const checkpoint = checkpoints.get(range.treeSize);
    if (checkpoint && !checkpoint.root.equals(range.root())) {
      problems.push({
        kind: 'edited',
        logIndex: index,
        detail: `the stored leaves do not give the root signed for size ${range.treeSize}`,
      });
    }
  }
  const largest = Math.max(0, ...checkpoints.keys());
  if (largest > range.treeSize) {
    problems.push({
      kind: 'truncated',
      logIndex: range.treeSize,
      detail: `a checkpoint of ${largest} leaves was signed, the log has ${range.treeSize}`,
    });
  }
  problems.push(...(await rowsWithoutLeaves(pool, lastPosition)));
  return {
    ok: problems.length === 0,
    treeSize: range.treeSize,
    checkpointSize: largest,
    eventsChecked: leaves.length,
    problems,
  };
}

type Located = { logIndex: number; streamId: string; position: string };

/** A leaf whose row changed: reordered when only its place (position or version) moved, otherwise edited. */
function mismatch(
  leaf: Parameters<typeof recomputeLeaf>[0] & { leaf_hash: Buffer; global_position: string; version: number },
  row: EventRow,
  at: Located,
): AuditProblem {
  const moved = { ...row, position: leaf.global_position, version: leaf.kind === 'event' ? leaf.version : row.version };
  const placeChanged = moved.position !== String(row.position) || moved.version !== row.version;
  if (placeChanged && auditLeafHash(leafFromRow(leaf, moved)).equals(leaf.leaf_hash)) {
    return {
      kind: 'reordered',
      ...at,
      version: leaf.version,
      detail: `event now at position ${row.position}, version ${row.version}; logged at ${leaf.global_position}, version ${leaf.version}`,
    };
  }
  return { kind: 'edited', ...at, version: row.version, detail: `event ${row.event_id} differs from its leaf` };
}

/** Rows the log has already passed (at or below its last position) that no leaf covers: inserted afterwards. */
async function rowsWithoutLeaves(pool: Queryable, lastPosition: bigint): Promise<AuditProblem[]> {
  const { rows } = await pool.query<EventRow>(
    `SELECT ${eventColumns} FROM event_store.events AS e
     WHERE e.position <= $1
       AND NOT EXISTS (SELECT FROM event_store.audit_leaf AS l WHERE l.event_id = e.event_id AND l.kind = 'event')
     ORDER BY e.position`,
    [lastPosition.toString()],
  );
  return rows.map((row) => ({
    kind: 'inserted' as const,
    streamId: row.stream_id,
    version: row.version,
    position: String(row.position),
    detail: `event ${row.event_id} is in no leaf, yet the log has passed its position`,
  }));
}
