import { CompactRange, type CompletedNode } from './compact-range';
import { hashLeaf } from './hashing';
import { rangeHash } from './proofs';

describe(CompactRange.name, () => {
  const leaves = Array.from({ length: 70 }, (_, i) => hashLeaf(Buffer.from(`event ${i}`)));
  const nodes = new Map<string, Buffer>();
  const read = (level: number, index: number): Buffer => {
    const hash = nodes.get(`${level}:${index}`);
    if (!hash) throw new Error(`no node ${level}:${index}`);
    return hash;
  };

  it('keeps the root of every prefix, and records each perfect subtree once it is complete', () => {
    const sut = CompactRange.empty();
    leaves.forEach((leaf, i) => {
      nodes.set(`0:${i}`, leaf);
      sut.append(leaf).forEach((n: CompletedNode) => nodes.set(`${n.level}:${n.index}`, n.hash));
      expect(sut.root()).toEqual(rangeHash(0, i + 1, read));
    });
  });

  it('resumes from the subtrees of any size', () => {
    for (const size of [1, 2, 3, 7, 8, 33, 64, 69]) {
      const sut = CompactRange.of(size, read);
      sut.append(leaves[size] as Buffer);
      expect(sut.root()).toEqual(rangeHash(0, size + 1, read));
    }
  });
});
