import { Pool, PoolClient } from 'pg';
import { UpcasterChain, type Upcaster } from '../upcasting/upcaster-chain';
import { afterCommit, inTransaction, queryableFor, reserveEventSlots } from '../transactions/unit-of-work';
import { verifyAllStreams, verifyStream, type IntegrityReport } from '../integrity/verify-chain';
import { appendEvents } from './append-events';
import { ConcurrencyError } from './concurrency-error';
import type { AppendResult, ExpectedVersion, NewEvent, StoredEvent } from './event-types';
import { readAllRows, readStreamRows, toStoredEvent } from './read-events';
import { StreamHeads } from './stream-heads';

export interface EventStoreOptions {
  upcasters?: readonly Upcaster[];
}

export interface ReadStreamOptions {
  afterVersion?: number;
  toVersion?: number;
}

/** The append-only event store of one service's database (tables from `migrate`). */
export class EventStore {
  private readonly upcasters: UpcasterChain;
  private readonly heads = new StreamHeads();

  constructor(
    readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
  }

  /** Appends atomically; a stale `expectedVersion` throws ConcurrencyError and writes nothing. */
  async append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    const db = queryableFor(this.pool);
    for (let attempt = 1; ; attempt++) {
      try {
        const cachedHead = typeof expectedVersion === 'number' ? this.heads.at(streamId, expectedVersion) : undefined;
        const firstSlot = reserveEventSlots(this.pool, events.length);
        const result = await appendEvents({ db, firstSlot, cachedHead }, streamId, expectedVersion, events);
        this.rememberHead(result.events.at(-1));
        return result;
      } catch (error) {
        if (error instanceof ConcurrencyError) this.heads.forget(streamId);
        // "any" promises no check, so a lost race is retried, unless a transaction was aborted by it.
        const retry = expectedVersion === 'any' && db === this.pool && attempt < 5;
        if (!(error instanceof ConcurrencyError) || !retry) throw error;
      }
    }
  }

  /** A stream's events in version order, in their newest schema. */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const { afterVersion = 0, toVersion = 2 ** 31 - 1 } = options;
    const rows = await readStreamRows(queryableFor(this.pool), streamId, afterVersion, toVersion);
    const events = rows.map(toStoredEvent);
    if (events.length < toVersion - afterVersion) this.rememberHead(events.at(-1));
    return events.map((event) => this.upcasters.upcast(event));
  }

  /**
   * Up to `limit` events after global position `after`, in position order, in their newest schema. Repeated
   * calls from the last position seen never skip an event, whatever writers run concurrently.
   */
  async readAll(after: bigint, limit: number): Promise<StoredEvent[]> {
    const rows = await readAllRows(queryableFor(this.pool), after, limit);
    return rows.map((row) => this.upcasters.upcast(toStoredEvent(row)));
  }

  /** The stream's version as it was at `time` (by occurred-at); 0 if it did not exist yet. */
  async versionAt(streamId: string, time: Date): Promise<number> {
    const { rows } = await queryableFor(this.pool).query<{ version: number | null }>(
      'SELECT max(version) AS version FROM event_store.events WHERE stream_id = $1 AND occurred_at <= $2',
      [streamId, time],
    );
    return rows[0]?.version ?? 0;
  }

  /** Only committed heads: one from a transaction that then rolls back would chain the next append to nothing. */
  private rememberHead(last: StoredEvent | undefined): void {
    if (!last) return;
    afterCommit(this.pool, () => this.heads.remember(last.streamId, { version: last.version, hash: last.hash }));
  }

  /** Runs `work` in one transaction that every call on this store inside it joins. */
  transaction<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  /** Recomputes one stream's hash chain; reports the first event that does not match. */
  verify(streamId: string): Promise<IntegrityReport> {
    return verifyStream(this.pool, streamId);
  }

  /** Recomputes every stream's chain; reports the broken event with the lowest global position. */
  verifyAll(): Promise<IntegrityReport> {
    return verifyAllStreams(this.pool);
  }
}
