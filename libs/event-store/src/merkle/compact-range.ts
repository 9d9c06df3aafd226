import { emptyRoot, hashChildren } from './hashing';

/** A perfect subtree completed by an append: 2^level leaves from index × 2^level. */
export interface CompletedNode {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * The roots of the perfect subtrees that make up a tree of `size` leaves (at most 64 of them): enough to append
 * leaves and compute the root without reading the rest (transparency-dev/merkle docs/compact_ranges.md).
 */
export class CompactRange {
  private constructor(
    private size: number,
    private readonly stack: CompletedNode[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** The perfect subtrees of a tree of `size` leaves, left to right, as a reader must supply them. */
  static subtreesOf(size: number): { level: number; index: number }[] {
    const subtrees: { level: number; index: number }[] = [];
    let start = 0;
    for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
      const width = 2 ** level;
      if (size - start >= width) {
        subtrees.push({ level, index: start / width });
        start += width;
      }
    }
    return subtrees;
  }

  static of(size: number, read: (level: number, index: number) => Buffer): CompactRange {
    const stack = CompactRange.subtreesOf(size).map(({ level, index }) => ({ level, index, hash: read(level, index) }));
    return new CompactRange(size, stack);
  }

  get treeSize(): number {
    return this.size;
  }

  /** Appends a leaf hash; answers the perfect subtrees above level 0 it completed. */
  append(leafHash: Buffer): CompletedNode[] {
    const completed: CompletedNode[] = [];
    let node: CompletedNode = { level: 0, index: this.size, hash: leafHash };
    for (let top = this.stack.at(-1); top && top.level === node.level; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { level: node.level + 1, index: top.index / 2, hash: hashChildren(top.hash, node.hash) };
      completed.push(node);
    }
    this.stack.push(node);
    this.size += 1;
    return completed;
  }

  root(): Buffer {
    let root: Buffer | undefined;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const hash = (this.stack[i] as CompletedNode).hash;
      root = root ? hashChildren(hash, root) : hash;
    }
    return root ?? emptyRoot();
  }
}
