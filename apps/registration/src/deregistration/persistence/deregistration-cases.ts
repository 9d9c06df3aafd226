import { Inject, Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { type AggregateDefinition, AggregateRepository, ConcurrencyError, EventStore } from '@govflow/event-store';
import type { EventMetadata } from '@govflow/messaging';
import { DeregistrationCase } from '../domain/deregistration-case.aggregate';
import { deregistrationCaseEvents } from '../domain/deregistration-case.events';

/** The one place that names a deregistration case's stream. */
export const deregistrationStreamId = (caseId: string): string => `deregistration-${caseId}`;

const definition: AggregateDefinition<DeregistrationCase> = {
  streamId: deregistrationStreamId,
  create: (caseId) => new DeregistrationCase(caseId),
  events: deregistrationCaseEvents,
};

const DEREGISTRATION_LOCK_CLASS = 7312;
const ATTEMPTS = 3;

/** Loads and saves deregistration cases, one command per case at a time. */
@Injectable()
export class DeregistrationCases {
  private readonly repository: AggregateRepository<DeregistrationCase>;

  constructor(@Inject(EventStore) private readonly store: EventStore) {
    this.repository = new AggregateRepository(store, definition);
  }

  async change<T>(caseId: string, work: (found: DeregistrationCase, db: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(async (db) => {
          await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DEREGISTRATION_LOCK_CLASS, caseId]);
          return work((await this.repository.load(caseId)) ?? this.repository.create(caseId), db);
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  save(found: DeregistrationCase, metadata: EventMetadata, occurredAt: Date): Promise<void> {
    return this.repository.save(found, metadata, occurredAt);
  }
}
