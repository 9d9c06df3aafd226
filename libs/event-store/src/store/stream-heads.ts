/** The last event of a stream: what the next append chains to. */
export interface StreamHead {
  version: number;
  hash: string | null;
}

/**
 * Recently committed stream heads, so an append at a known version needs no read first. An entry can be stale
 * (another process appended since), never wrong (a stored event never changes): a stale one makes the insert hit
 * the unique (stream, version) index, which reports a ConcurrencyError. Fill it only after commit.
 */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  at(streamId: string, version: number): StreamHead | undefined {
    const head = this.heads.get(streamId);
    return head?.version === version ? head : undefined;
  }

  remember(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
