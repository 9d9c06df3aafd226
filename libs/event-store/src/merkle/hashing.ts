import { createHash } from 'node:crypto';

/** RFC 9162 §2.1.1: SHA-256, with a one-byte prefix that keeps leaves and interior nodes apart. */
export const HASH_SIZE = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const emptyRoot = (): Buffer => createHash('sha256').digest();

export const hashLeaf = (data: Uint8Array): Buffer => createHash('sha256').update(LEAF_PREFIX).update(data).digest();

export const hashChildren = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();

/** The largest power of two strictly smaller than n (n ≥ 2): where MTH splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;
