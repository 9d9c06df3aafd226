import { Inject, Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { type AggregateDefinition, AggregateRepository, ConcurrencyError, EventStore } from '@govflow/event-store';
import type { EventMetadata } from '@govflow/messaging';
import { SupervisionRecord } from '../domain/supervision-record.aggregate';
import { supervisionRecordEvents } from '../domain/supervision-record.events';

/** The one place that names an enterprise's supervision stream. */
export const supervisionStreamId = (creditCode: string): string => `supervision-${creditCode}`;

const definition: AggregateDefinition<SupervisionRecord> = {
  streamId: supervisionStreamId,
  create: (creditCode) => new SupervisionRecord(creditCode),
  events: supervisionRecordEvents,
};

// Advisory-lock class for supervision records (cases use 7310).
const SUPERVISION_LOCK_CLASS = 7311;
const ATTEMPTS = 3;

/** Loads and saves supervision records, one decision per enterprise at a time. */
@Injectable()
export class SupervisionRecords {
  private readonly repository: AggregateRepository<SupervisionRecord>;

  constructor(@Inject(EventStore) private readonly store: EventStore) {
    this.repository = new AggregateRepository(store, definition);
  }

  /** Runs `work` on the record (a new, empty one if none exists) in one transaction holding the enterprise's lock. */
  async change<T>(creditCode: string, work: (record: SupervisionRecord, db: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(async (db) => {
          await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SUPERVISION_LOCK_CLASS, creditCode]);
          return work(await this.load(creditCode), db);
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async load(creditCode: string): Promise<SupervisionRecord> {
    return (await this.repository.load(creditCode)) ?? this.repository.create(creditCode);
  }

  async save(record: SupervisionRecord, metadata: EventMetadata, occurredAt: Date): Promise<void> {
    await this.repository.save(record, metadata, occurredAt);
  }
}
