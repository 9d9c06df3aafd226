import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient } from 'pg';

interface ActiveTransaction {
  pool: Pool;
  client: PoolClient;
  afterCommit: (() => void)[];
  eventsAppended: number;
}

const active = new AsyncLocalStorage<ActiveTransaction>();

/** What queries run on: the open transaction's client, or the pool for a single atomic statement. */
export type Queryable = Pool | PoolClient;

/**
 * Runs `work` in one transaction on `pool`. Event store calls made inside it (appends, loads, inbox rows,
 * projections) join the same transaction, so a command handler's writes and its events commit together.
 * Nested calls on the same pool join the outer transaction.
 */
export async function inTransaction<T>(pool: Pool, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const outer = active.getStore();
  if (outer?.pool === pool) return work(outer.client);
  const client = await pool.connect();
  const transaction: ActiveTransaction = { pool, client, afterCommit: [], eventsAppended: 0 };
  // A connection lost between statements emits 'error' (unheard, it crashes the process); the next query fails.
  const ignoreConnectionError = () => undefined;
  client.on('error', ignoreConnectionError);
  let result: T;
  try {
    await client.query('BEGIN');
    result = await active.run(transaction, () => work(client));
    await client.query('COMMIT');
  } catch (error) {
    client.off('error', ignoreConnectionError);
    await rollback(client, error);
    throw error;
  }
  client.off('error', ignoreConnectionError);
  client.release();
  for (const hook of transaction.afterCommit) hook();
  return result;
}

/** The client of the transaction open on `pool` in this async context, else the pool itself. */
export function queryableFor(pool: Pool): Queryable {
  const transaction = active.getStore();
  return transaction?.pool === pool ? transaction.client : pool;
}

/**
 * Reserves `count` event slots in the transaction open on `pool` and returns the first: the n-th event a
 * transaction appends takes position (transaction id << POSITION_SHIFT) + n. Outside a transaction every append
 * is a transaction of its own, starting at 0.
 */
export function reserveEventSlots(pool: Pool, count: number): number {
  const transaction = active.getStore();
  if (transaction?.pool !== pool) return 0;
  const first = transaction.eventsAppended;
  transaction.eventsAppended += count;
  return first;
}

/** Runs `hook` once the surrounding transaction on `pool` commits (never if it rolls back); at once if none. */
export function afterCommit(pool: Pool, hook: () => void): void {
  const transaction = active.getStore();
  if (transaction?.pool === pool) transaction.afterCommit.push(hook);
  else hook();
}

async function rollback(client: PoolClient, cause: unknown): Promise<void> {
  try {
    await client.query('ROLLBACK');
    client.release();
  } catch {
    // The connection is unusable (e.g. the server ended it): destroy rather than return it to the pool.
    client.release(cause instanceof Error ? cause : new Error(String(cause)));
  }
}
