import type { Queryable } from '../transactions/unit-of-work';
import { consistencyProof, inclusionProof } from '../merkle/proofs';
import { toStoredEvent } from '../store/read-events';
import { eventLeaf } from './audit-leaf';
import { checkpointCovering, latestCheckpoint } from './checkpoint-store';
import { leavesWithRows } from './leaf-store';
import { withStoredNodes } from './node-store';
import { formatTlogProof, type AuditReceipt } from './receipt';

export type ReceiptAnswer =
  { status: 'unknown' } | { status: 'pending'; logIndex?: number } | { status: 'ready'; receipt: AuditReceipt };

/**
 * The receipt of one event: `unknown` if this store has no such event, `pending` while no checkpoint covers it yet.
 */
export async function receiptFor(db: Queryable, origin: string, eventId: string): Promise<ReceiptAnswer> {
  const { rows } = await db.query<{ log_index: string }>(
    `SELECT log_index FROM event_store.audit_leaf WHERE event_id = $1 AND kind = 'event'`,
    [eventId],
  );
  if (!rows[0]) {
    const exists = await db.query('SELECT 1 FROM event_store.events WHERE event_id = $1', [eventId]);
    return exists.rowCount ? { status: 'pending' } : { status: 'unknown' };
  }
  const index = Number(rows[0].log_index);
  const checkpoint = await checkpointCovering(db, index);
  if (!checkpoint) return { status: 'pending', logIndex: index };
  const [leafRow] = await leavesWithRows(db, index, index + 1);
  if (!leafRow?.row) return { status: 'unknown' };
  const leaf = eventLeaf(index, toStoredEvent(leafRow.row));
  const hashes = await withStoredNodes(db, (node) => inclusionProof(index, checkpoint.size, node));
  return {
    status: 'ready',
    receipt: {
      format: 'govflow.audit-receipt/v1',
      origin,
      leaf,
      proof: formatTlogProof(leaf, index, hashes, checkpoint.note),
    },
  };
}

/** A consistency proof from an earlier checkpoint size to the latest checkpoint, for a receipt holder. */
export async function laterCheckpointFor(db: Queryable, fromSize: number) {
  const latest = await latestCheckpoint(db);
  if (!latest || latest.size <= fromSize) return undefined;
  const proof = await withStoredNodes(db, (node) => consistencyProof(fromSize, latest.size, node));
  return { checkpoint: latest.note, consistency: proof.map((h) => h.toString('base64')) };
}
