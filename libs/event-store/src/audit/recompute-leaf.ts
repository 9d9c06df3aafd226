import { toStoredEvent, type EventRow } from '../store/read-events';
import { auditLeafHash, eventLeaf, streamCreatedLeaf, type AuditLeaf } from './audit-leaf';
import type { LeafRow } from './leaf-store';

/** The leaf an events row gives at the leaf's index, as the integrator computed it. */
export function leafFromRow(leaf: Pick<LeafRow, 'log_index' | 'kind'>, row: EventRow): AuditLeaf {
  const event = toStoredEvent(row);
  const index = Number(leaf.log_index);
  return leaf.kind === 'event' ? eventLeaf(index, event) : streamCreatedLeaf(index, event);
}

export const recomputeLeaf = (leaf: Pick<LeafRow, 'log_index' | 'kind'>, row: EventRow): Buffer =>
  auditLeafHash(leafFromRow(leaf, row));
