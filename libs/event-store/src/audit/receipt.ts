import { jcs } from '../merkle/jcs';
import { HASH_SIZE } from '../merkle/hashing';
import { verifyConsistency, verifyInclusion } from '../merkle/verify-proofs';
import { auditLeafHash, type EventLeaf } from './audit-leaf';
import { openCheckpoint, type Checkpoint } from './checkpoint-note';

/**
 * A receipt: the event's leaf (readable JSON) and a C2SP tlog-proof
 * (`c2sp.org/tlog-proof@v1`, `extra` = base64 of the leaf's JCS, `index`, the inclusion hashes, a blank line, the
 * signed checkpoint). Everything here is pure: an outsider checks a receipt with no database and no network.
 */
export interface AuditReceipt {
  format: 'govflow.audit-receipt/v1';
  origin: string;
  leaf: EventLeaf;
  proof: string;
  /** Optional: a later checkpoint and the consistency proof to it, showing the event was not removed since. */
  later?: { checkpoint: string; consistency: string[] };
}

const HEADER = 'c2sp.org/tlog-proof@v1';

export class ReceiptError extends Error {
  override readonly name = 'ReceiptError';
}

export function formatTlogProof(leaf: EventLeaf, index: number, hashes: readonly Buffer[], checkpoint: string) {
  const extra = Buffer.from(jcs(leaf), 'utf8').toString('base64');
  return [HEADER, `extra ${extra}`, `index ${index}`, ...hashes.map((h) => h.toString('base64')), '', checkpoint].join(
    '\n',
  );
}

interface ParsedProof {
  extra?: Buffer;
  index: number;
  hashes: Buffer[];
  checkpoint: string;
}

export function parseTlogProof(text: string): ParsedProof {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new ReceiptError('proof: no blank line before the checkpoint');
  const lines = text.slice(0, split).split('\n');
  if (lines.shift() !== HEADER) throw new ReceiptError(`proof: first line is not ${HEADER}`);
  let extra: Buffer | undefined;
  if (lines[0]?.startsWith('extra ')) extra = Buffer.from(lines.shift()!.slice(6), 'base64');
  const indexLine = lines.shift() ?? '';
  if (!/^index (0|[1-9][0-9]*)$/.test(indexLine)) throw new ReceiptError('proof: no "index N" line');
  const hashes = lines.map((line, i) => {
    const hash = Buffer.from(line, 'base64');
    if (hash.length !== HASH_SIZE || hash.toString('base64') !== line) {
      throw new ReceiptError(`proof: hash ${i} is not base64 of ${HASH_SIZE} bytes`);
    }
    return hash;
  });
  return { extra, index: Number(indexLine.slice(6)), hashes, checkpoint: text.slice(split + 2) };
}

export interface ReceiptVerdict {
  checkpoint: Checkpoint;
  logIndex: number;
  eventId: string;
  laterSize?: number;
}

/** Checks signature, leaf and inclusion (and consistency to a later checkpoint if given); throws naming a failure. */
export function verifyReceipt(receipt: AuditReceipt, verifierKey: string): ReceiptVerdict {
  if (receipt.format !== 'govflow.audit-receipt/v1') throw new ReceiptError('format: not a govflow audit receipt');
  const proof = parseTlogProof(receipt.proof);
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(proof.checkpoint, verifierKey, receipt.origin);
  } catch (error) {
    throw new ReceiptError(`checkpoint: ${(error as Error).message}`);
  }
  const leafText = jcs(receipt.leaf);
  if (proof.extra && proof.extra.toString('utf8') !== leafText) {
    throw new ReceiptError('leaf: the proof carries a different leaf than the receipt shows');
  }
  if (receipt.leaf.log_index !== proof.index) throw new ReceiptError('leaf: its log index is not the proof index');
  try {
    verifyInclusion(proof.index, checkpoint.size, auditLeafHash(receipt.leaf), proof.hashes, checkpoint.root);
  } catch (error) {
    throw new ReceiptError(`inclusion: ${(error as Error).message}`);
  }
  const verdict: ReceiptVerdict = { checkpoint, logIndex: proof.index, eventId: receipt.leaf.event_id };
  if (receipt.later) {
    let later: Checkpoint;
    try {
      later = openCheckpoint(receipt.later.checkpoint, verifierKey, receipt.origin);
    } catch (error) {
      throw new ReceiptError(`later checkpoint: ${(error as Error).message}`);
    }
    const hashes = receipt.later.consistency.map((h) => Buffer.from(h, 'base64'));
    try {
      verifyConsistency(checkpoint.size, later.size, hashes, checkpoint.root, later.root);
    } catch (error) {
      throw new ReceiptError(`consistency: ${(error as Error).message}`);
    }
    verdict.laterSize = later.size;
  }
  return verdict;
}
