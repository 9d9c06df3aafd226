import type { PoolClient } from 'pg';
import { EventStore } from '../store/event-store';
import { START_POSITION } from '../store/position';
import { assertTableName, type Projection, projectionLock, shadowTableOf } from './projection';
import { writeCheckpoint } from './projection-checkpoints';

export interface RebuildResult {
  events: number;
  position: bigint;
}

/**
 * Replays the whole store into a shadow table while the live projection keeps serving, then, holding the
 * projection's lock (so its runner pauses), applies what arrived meanwhile, swaps the shadow in and moves the
 * checkpoint to where the shadow stopped. The runner carries on from there on the new table.
 */
export async function rebuildProjection(
  store: EventStore,
  projection: Projection,
  options: { batchSize?: number } = {},
): Promise<RebuildResult> {
  assertTableName(projection.table);
  const shadow = shadowTableOf(projection);
  const batchSize = options.batchSize ?? 5000;
  await store.transaction(async (db) => {
    await db.query(`DROP TABLE IF EXISTS ${shadow}`);
    await projection.createTable(db, shadow);
  });
  let progress: RebuildResult = { events: 0, position: START_POSITION };
  for (let batch = await nextBatch(); batch.length > 0; batch = await nextBatch()) {
    await store.transaction((db) => projection.apply(db, shadow, batch));
    progress = { events: progress.events + batch.length, position: batch.at(-1)?.position ?? progress.position };
  }
  return store.transaction(async (db) => {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [projectionLock(projection)]);
    for (let batch = await nextBatch(); batch.length > 0; batch = await nextBatch()) {
      await projection.apply(db, shadow, batch);
      progress = { events: progress.events + batch.length, position: batch.at(-1)?.position ?? progress.position };
    }
    await swapIn(db, shadow, projection.table);
    await writeCheckpoint(db, projection.name, progress.position);
    return progress;
  });

  function nextBatch() {
    return store.readAll(progress.position, batchSize);
  }
}

async function swapIn(db: PoolClient, shadow: string, live: string): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${live}`);
  await db.query(`ALTER TABLE ${shadow} RENAME TO ${live}`);
  const renamed = (name: string) => live + name.slice(shadow.length);
  const { rows: constraints } = await db.query<{ name: string }>(
    `SELECT conname AS name FROM pg_constraint WHERE conrelid = to_regclass($1) AND starts_with(conname, $2)`,
    [live, shadow],
  );
  for (const { name } of constraints)
    await db.query(`ALTER TABLE ${live} RENAME CONSTRAINT ${name} TO ${renamed(name)}`);
  const { rows: indexes } = await db.query<{ name: string }>(
    `SELECT indexname AS name FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = $1 AND starts_with(indexname, $2)`,
    [live, shadow],
  );
  for (const { name } of indexes) await db.query(`ALTER INDEX ${name} RENAME TO ${renamed(name)}`);
}
