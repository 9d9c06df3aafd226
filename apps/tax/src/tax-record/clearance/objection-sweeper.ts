import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@govflow/platform';
import { taxService } from '../integration/open-tax-record-when-license-issued.handler';
import { TaxRecords } from '../tax-records';
import { ObjectionWatches } from './objection-watches';

export const OBJECTION_SWEEP_INTERVAL_MS = Symbol('OBJECTION_SWEEP_INTERVAL_MS');

/**
 * Answers every deregistration notice whose objection is due (R3.3: the day after the period ends): an objection
 * when matters are still pending. Each answer is one transaction with its watch, so replicas never answer twice.
 */
@Injectable()
export class ObjectionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ObjectionSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly records: TaxRecords,
    private readonly watches: ObjectionWatches,
    @Inject(OBJECTION_SWEEP_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep(new Date())
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`objection sweep failed, retried next tick: ${String(error)}`))
        .finally(() => (this.sweeping = undefined));
    }, this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Answers the notices due at `now`; returns how many. */
  async sweep(now: Date): Promise<number> {
    const due = await this.watches.due(this.pool, now);
    for (const { caseId, taxpayerId, causationId } of due) {
      await this.records.change(taxpayerId, async (record, db) => {
        record.answer(caseId, now);
        await this.records.save(record, { actor: taxService, correlationId: caseId, causationId }, now);
        await this.watches.answered(db, caseId, now);
      });
    }
    return due.length;
  }
}
