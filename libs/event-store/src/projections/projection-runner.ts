import { Logger } from '@nestjs/common';
import { EventStore } from '../store/event-store';
import { Pause } from '../shared/pause';
import { assertTableName, type Projection, projectionLock } from './projection';
import { readCheckpoint, writeCheckpoint } from './projection-checkpoints';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  idlePollMs?: number;
}

/**
 * Feeds a projection from the store's global order. Each batch, its table writes and its checkpoint commit in
 * one transaction, so the projection never applies an event twice or skips one; a transaction-scoped advisory
 * lock lets replicas run side by side (one applies, the others skip that turn) and lets a rebuild swap tables.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private running = false;
  private tableReady = false;
  private loop?: Promise<void>;
  private readonly sleeper = new Pause();

  constructor(
    private readonly store: EventStore,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    assertTableName(projection.table);
    this.logger = new Logger(`Projection ${projection.name}`);
  }

  /** Applies everything committed so far; resolves with the number of events applied. */
  async catchUp(): Promise<number> {
    let applied = 0;
    for (let batch = await this.runBatch(); batch > 0; batch = await this.runBatch()) applied += batch;
    return applied;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.interrupt();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let applied = 0;
      try {
        applied = await this.runBatch();
      } catch (error) {
        this.logger.error(`batch failed, retrying: ${String(error)}`);
      }
      if (applied === 0) await this.pause(this.options.idlePollMs ?? 50);
    }
  }

  /** One batch; 0 when there was nothing to apply or another runner (or a rebuild) holds the projection. */
  private async runBatch(): Promise<number> {
    const { projection } = this;
    if (!this.tableReady) {
      await this.store.transaction((db) => projection.createTable(db, projection.table));
      this.tableReady = true;
    }
    return this.store.transaction(async (db) => {
      const { rows } = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        projectionLock(projection),
      ]);
      if (!rows[0]?.locked) return 0;
      // Read before writing anything: this transaction's own id would otherwise hold back the read horizon.
      const events = await this.store.readAll(await readCheckpoint(db, projection.name), this.options.batchSize ?? 500);
      const last = events.at(-1);
      if (!last) return 0;
      await projection.apply(db, projection.table, events);
      await writeCheckpoint(db, projection.name, last.position);
      return events.length;
    });
  }

  private pause(ms: number): Promise<void> {
    return this.running ? this.sleeper.for(ms) : Promise.resolve();
  }
}
