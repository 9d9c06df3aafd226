import { createHash } from 'node:crypto';
import vectors from './testdata/transparency-dev-vectors.json';
import { emptyRoot, hashChildren, hashLeaf } from './hashing';
import { consistencyProof, inclusionProof, rangeHash, type NodeReader } from './proofs';
import { ProofError, verifyConsistency, verifyInclusion } from './verify-proofs';

const b64 = (s: string | null | undefined): Buffer => Buffer.from(s ?? '', 'base64');
const list = (proof: readonly string[] | null): Buffer[] => (proof ?? []).map(b64);

/** The RFC 9162 §2.1.1 definition, literally: the oracle the proof code is checked against. */
function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

function bruteForceReader(leaves: readonly Buffer[]): NodeReader {
  const memo = new Map<string, Buffer>();
  return (level, index) => {
    const key = `${level}:${index}`;
    const hash = memo.get(key) ?? mth(leaves.slice(index << level, (index + 1) << level));
    memo.set(key, hash);
    return hash;
  };
}

const leavesOf = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));

function flipBit(hash: Buffer, bit: number): Buffer {
  const copy = Buffer.from(hash);
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
  return copy;
}

describe('Merkle proofs (RFC 9162)', () => {
  describe('transparency-dev/merkle test vectors', () => {
    it.each(vectors.inclusion.map((v) => [v.file, v] as const))('inclusion %s', (_file, v) => {
      const check = () => verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), list(v.proof), b64(v.root));
      if (v.wantErr) expect(check).toThrow(ProofError);
      else expect(check).not.toThrow();
    });

    it.each(vectors.consistency.map((v) => [v.file, v] as const))('consistency %s', (_file, v) => {
      const check = () => verifyConsistency(v.size1, v.size2, list(v.proof), b64(v.root1), b64(v.root2));
      if (v.wantErr) expect(check).toThrow(ProofError);
      else expect(check).not.toThrow();
    });

    it('include good proofs as well as bad ones', () => {
      expect(vectors.inclusion.filter((v) => !v.wantErr).length).toBeGreaterThan(3);
      expect(vectors.consistency.filter((v) => !v.wantErr).length).toBeGreaterThan(3);
    });
  });

  it('hashes an empty tree, a leaf and a node as RFC 9162 says', () => {
    expect(emptyRoot().toString('hex')).toBe(createHash('sha256').digest('hex'));
    expect(hashLeaf(Buffer.from('')).toString('hex')).toBe(
      createHash('sha256')
        .update(Buffer.from([0]))
        .digest('hex'),
    );
    const [a, b] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    expect(hashChildren(a, b)).toEqual(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([1]), a, b]))
        .digest(),
    );
  });

  it('agrees with the brute-force tree for every leaf and every pair of sizes up to 64, and refuses mutants', () => {
    const all = leavesOf(64);
    const node = bruteForceReader(all);
    const roots = all.map((_, i) => mth(all.slice(0, i + 1)));
    for (let n = 1; n <= 64; n++) {
      const root = roots[n - 1] as Buffer;
      expect(rangeHash(0, n, node)).toEqual(root);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, node);
        const leaf = all[m] as Buffer;
        expect(() => verifyInclusion(m, n, leaf, proof, root)).not.toThrow();
        if (n > 1) expect(() => verifyInclusion(m ^ 1, n, leaf, proof, root)).toThrow(ProofError);
        expect(() => verifyInclusion(m, n * 2, leaf, proof, root)).toThrow(ProofError);
        proof.forEach((_, i) => {
          const bad = proof.map((h, j) => (j === i ? flipBit(h, (m * 7 + i) % 256) : h));
          expect(() => verifyInclusion(m, n, leaf, bad, root)).toThrow(ProofError);
        });
        if (proof.length) expect(() => verifyInclusion(m, n, leaf, proof.slice(1), root)).toThrow(ProofError);
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, node);
        const old = roots[m - 1] as Buffer;
        expect(() => verifyConsistency(m, n, proof, old, root)).not.toThrow();
        if (m === n) continue;
        expect(() => verifyConsistency(m, n, proof, root, old)).toThrow(ProofError);
        expect(() => verifyConsistency(m, n * 2, proof, old, root)).toThrow(ProofError);
        expect(() => verifyConsistency(m, n, [...proof, root], old, root)).toThrow(ProofError);
        proof.forEach((_, i) => {
          const bad = proof.map((h, j) => (j === i ? flipBit(h, (n + i) % 256) : h));
          expect(() => verifyConsistency(m, n, bad, old, root)).toThrow(ProofError);
        });
      }
    }
  });

  it('refuses a proof whose tree was rewritten after the earlier root', () => {
    const all = leavesOf(20);
    const forked = [...all.slice(0, 9), hashLeaf(Buffer.from('rewritten')), ...all.slice(10)];
    const proof = consistencyProof(12, 20, bruteForceReader(forked));
    expect(() => verifyConsistency(12, 20, proof, mth(all.slice(0, 12)), mth(forked))).toThrow(ProofError);
  });
});
