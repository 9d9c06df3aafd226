import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@govflow/messaging';

/**
 * A read model kept in its own table. Both methods take the table name because a rebuild fills a shadow
 * table first: never hard-code it. `apply` gets events in global order, in batches; fold a batch into few
 * statements (e.g. one upsert from unnest) and a rebuild runs at tens of thousands of events per second.
 */
export interface Projection {
  /** Names the checkpoint and the lock; keep it stable. */
  readonly name: string;
  /** The live table, in the connection's current schema; lower-case letters, digits and _. */
  readonly table: string;
  /** Creates `table` and its indexes if missing; name indexes after `table` so a rebuild can rename them. */
  createTable(db: PoolClient, table: string): Promise<void>;
  apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void>;
}

export function assertTableName(table: string): void {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(table)) throw new Error(`Unsafe projection table name: ${table}`);
}

export const projectionLock = (projection: Projection) => `event_store.projection:${projection.name}`;

export const shadowTableOf = (projection: Projection) => `${projection.table}__rebuild`;
