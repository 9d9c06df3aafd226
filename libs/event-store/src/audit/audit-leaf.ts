import { createHash } from 'node:crypto';
import { hashLeaf } from '../merkle/hashing';
import { jcs } from '../merkle/jcs';

/** What one leaf of a service's audit log says; its hash is SHA-256(0x00 ‖ JCS(leaf)) (RFC 9162, RFC 8785). */
export type AuditLeaf = EventLeaf | StreamCreatedLeaf;

export interface EventLeaf {
  v: 1;
  kind: 'event';
  log_index: number;
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  recorded_at: string;
  data_hash: string;
  meta_hash: string;
  stream_chain_hash: string;
}

/** A stream's creation, logged before its first event: a stream deleted whole leaves this leaf orphaned. */
export interface StreamCreatedLeaf {
  v: 1;
  kind: 'stream-created';
  log_index: number;
  global_position: string;
  stream_id: string;
  event_id: string;
}

/** The stored columns a leaf is computed from (an events row, as read back). */
export interface LeafSource {
  position: string | bigint;
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  occurredAt: Date;
  data: unknown;
  metadata: unknown;
  hash: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function eventLeaf(logIndex: number, e: LeafSource): EventLeaf {
  return {
    v: 1,
    kind: 'event',
    log_index: logIndex,
    global_position: e.position.toString(),
    stream_id: e.streamId,
    stream_version: e.version,
    event_id: e.eventId,
    event_type: e.type,
    recorded_at: e.occurredAt.toISOString(),
    data_hash: sha256(jcs(e.data)),
    meta_hash: sha256(jcs(e.metadata)),
    stream_chain_hash: e.hash,
  };
}

export function streamCreatedLeaf(logIndex: number, first: LeafSource): StreamCreatedLeaf {
  return {
    v: 1,
    kind: 'stream-created',
    log_index: logIndex,
    global_position: first.position.toString(),
    stream_id: first.streamId,
    event_id: first.eventId,
  };
}

export const auditLeafHash = (leaf: AuditLeaf): Buffer => hashLeaf(Buffer.from(jcs(leaf), 'utf8'));

/** The leaves an event adds to the log, in order: its stream's creation first when it is version 1. */
export function leavesFor(nextIndex: number, e: LeafSource): AuditLeaf[] {
  if (e.version !== 1) return [eventLeaf(nextIndex, e)];
  return [streamCreatedLeaf(nextIndex, e), eventLeaf(nextIndex + 1, e)];
}
