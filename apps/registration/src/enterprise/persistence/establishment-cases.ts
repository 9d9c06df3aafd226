import { Inject, Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { AggregateRepository, ConcurrencyError, EventStore } from '@govflow/event-store';
import type { EventMetadata } from '@govflow/messaging';
import { EstablishmentCase } from '../domain/establishment-case/establishment-case.aggregate';
import { establishmentCaseDefinition } from './establishment-case.stream';

// Advisory-lock class for cases; the two-key form never meets the single-key locks the event store takes.
const CASE_LOCK_CLASS = 7310;
const ATTEMPTS = 3;

/** Loads and saves establishment cases, one command per case at a time. */
@Injectable()
export class EstablishmentCases {
  private readonly repository: AggregateRepository<EstablishmentCase>;

  constructor(@Inject(EventStore) private readonly store: EventStore) {
    this.repository = new AggregateRepository(store, establishmentCaseDefinition);
  }

  /**
   * Runs `work` on the case in one transaction that holds the case's lock, so an activity and its retry run one after
   * the other and the second sees what the first recorded. A lost race with a writer outside the lock is run again.
   */
  async change<T>(caseId: string, work: (found: EstablishmentCase | undefined, db: PoolClient) => Promise<T>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(async (db) => {
          await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CASE_LOCK_CLASS, caseId]);
          return work(await this.repository.load(caseId), db);
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  load(caseId: string): Promise<EstablishmentCase | undefined> {
    return this.repository.load(caseId);
  }

  create(caseId: string): EstablishmentCase {
    return this.repository.create(caseId);
  }

  /** Appends what the case recorded; false when it recorded nothing (the command had already taken effect). */
  async save(establishment: EstablishmentCase, metadata: EventMetadata, occurredAt: Date): Promise<boolean> {
    if (establishment.getUncommittedEvents().length === 0) return false;
    await this.repository.save(establishment, metadata, occurredAt);
    return true;
  }
}
