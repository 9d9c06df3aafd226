import { HASH_SIZE, hashChildren } from './hashing';

/** Why a proof was refused; a verifier names it rather than answering a bare false. */
export class ProofError extends Error {
  override readonly name = 'ProofError';
}

const isHash = (h: Uint8Array): boolean => h.length === HASH_SIZE;

function assertHashes(what: string, hashes: readonly Uint8Array[]): void {
  hashes.forEach((h, i) => {
    if (!isHash(h)) throw new ProofError(`${what}[${i}] is ${h.length} bytes, not ${HASH_SIZE}`);
  });
}

const isSafeSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** RFC 9162 §2.1.3.2; throws ProofError naming what does not hold. Loops are bounded by the proof's length. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  if (!isSafeSize(index) || !isSafeSize(size)) throw new ProofError('index and size must be whole numbers');
  if (index >= size) throw new ProofError(`index ${index} is beyond the tree size ${size}`);
  if (!isHash(leafHash)) throw new ProofError(`leaf hash is ${leafHash.length} bytes, not ${HASH_SIZE}`);
  if (!isHash(root)) throw new ProofError(`root is ${root.length} bytes, not ${HASH_SIZE}`);
  assertHashes('proof', proof);
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new ProofError('proof is longer than the tree is deep');
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError('proof is shorter than the tree is deep');
  if (!Buffer.from(r).equals(root)) throw new ProofError('inclusion proof does not lead to the root');
}

/** RFC 9162 §2.1.4.2, with size1 = size2 needing an empty proof and equal roots, and size1 = 0 refused. */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  if (!isSafeSize(size1) || !isSafeSize(size2)) throw new ProofError('sizes must be whole numbers');
  if (size2 < size1) throw new ProofError(`size ${size2} is smaller than the earlier size ${size1}`);
  if (size1 === 0) throw new ProofError('a consistency proof from the empty tree proves nothing');
  if (size1 === size2) {
    if (proof.length > 0) throw new ProofError('equal sizes need an empty proof');
    if (!Buffer.from(root1).equals(root2)) throw new ProofError('equal sizes but the roots differ');
    return;
  }
  if (!isHash(root1) || !isHash(root2)) throw new ProofError(`roots must be ${HASH_SIZE} bytes`);
  assertHashes('proof', proof);
  if (proof.length === 0) throw new ProofError('empty consistency proof');
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Uint8Array = path[0] as Uint8Array;
  let sr: Uint8Array = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError('consistency proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError('consistency proof is too short');
  if (!Buffer.from(fr).equals(root1)) throw new ProofError('consistency proof does not lead to the earlier root');
  if (!Buffer.from(sr).equals(root2)) throw new ProofError('consistency proof does not lead to the later root');
}
