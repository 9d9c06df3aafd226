import { hashChildren, isPowerOfTwo, splitPoint } from './hashing';

/**
 * Reads the hash of the perfect subtree of 2^level leaves starting at leaf index × 2^level (level 0: a leaf).
 * Every subtree the RFC 9162 recursion visits is of this shape, so a store of perfect subtrees answers it all.
 */
export type NodeReader = (level: number, index: number) => Buffer;

/** MTH(D[start:end]) per RFC 9162 §2.1.1, from perfect subtrees only. */
export function rangeHash(start: number, end: number, node: NodeReader): Buffer {
  const size = end - start;
  if (size < 1) throw new RangeError(`empty range [${start}, ${end})`);
  if (isPowerOfTwo(size) && start % size === 0) return node(Math.log2(size), start / size);
  const k = splitPoint(size);
  return hashChildren(rangeHash(start, start + k, node), rangeHash(start + k, end, node));
}

/** PATH(m, D[0:n]) of RFC 9162 §2.1.3.1, leaf to root. */
export function inclusionProof(index: number, size: number, node: NodeReader): Buffer[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Buffer[] = [];
  const walk = (m: number, start: number, end: number): void => {
    if (end - start === 1) return;
    const k = splitPoint(end - start);
    if (m < k) {
      walk(m, start, start + k);
      path.push(rangeHash(start + k, end, node));
    } else {
      walk(m - k, start + k, end);
      path.push(rangeHash(start, start + k, node));
    }
  };
  walk(index, 0, size);
  return path;
}

/** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: shows that the tree of `from` leaves is a prefix of the one of `to`. */
export function consistencyProof(from: number, to: number, node: NodeReader): Buffer[] {
  if (!(from > 0 && from <= to)) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  const proof: Buffer[] = [];
  const subproof = (m: number, start: number, end: number, complete: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!complete) proof.push(rangeHash(start, end, node));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, complete);
      proof.push(rangeHash(start + k, end, node));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(rangeHash(start, start + k, node));
    }
  };
  subproof(from, 0, to, true);
  return proof;
}

/** The perfect subtrees a proof will read, so a database reader can fetch them in one query first. */
export function nodesRead(compute: (node: NodeReader) => unknown): [level: number, index: number][] {
  const seen = new Map<string, [number, number]>();
  const placeholder = Buffer.alloc(32);
  compute((level, index) => {
    seen.set(`${level}:${index}`, [level, index]);
    return placeholder;
  });
  return [...seen.values()];
}
