import { Inject, Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { AggregateRepository, ConcurrencyError, EventStore } from '@govflow/event-store';
import type { EventMetadata } from '@govflow/messaging';
import { TaxRecord } from './domain/tax-record.aggregate';
import { taxRecordDefinition } from './tax-record.stream';

// Advisory-lock class for taxpayers' records.
const TAX_RECORD_LOCK_CLASS = 7320;
const ATTEMPTS = 3;

/** Loads and saves taxpayers' records, one change per taxpayer at a time. */
@Injectable()
export class TaxRecords {
  private readonly repository: AggregateRepository<TaxRecord>;

  constructor(@Inject(EventStore) private readonly store: EventStore) {
    this.repository = new AggregateRepository(store, taxRecordDefinition);
  }

  /** Runs `work` on the record (new and unopened when none exists) in one transaction holding the taxpayer's lock. */
  async change<T>(taxpayerId: string, work: (record: TaxRecord, db: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(async (db) => {
          await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [TAX_RECORD_LOCK_CLASS, taxpayerId]);
          return work(await this.load(taxpayerId), db);
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async load(taxpayerId: string): Promise<TaxRecord> {
    return (await this.repository.load(taxpayerId)) ?? this.repository.create(taxpayerId);
  }

  save(record: TaxRecord, metadata: EventMetadata, occurredAt: Date): Promise<void> {
    return this.repository.save(record, metadata, occurredAt);
  }
}
