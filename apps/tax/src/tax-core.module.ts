import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';
import { TaxMigrations } from './database/tax.migrations';
import { TaxActivitiesService } from './tax-record/activities/tax-activities.service';
import { ObjectionWatches } from './tax-record/clearance/objection-watches';
import { TaxRecords } from './tax-record/tax-records';

/** Everything but the transports, so the worker can take the activities from it. */
@Module({
  providers: [
    { provide: EventStore, useFactory: (pool: Pool) => new EventStore(pool), inject: [PG_POOL] },
    TaxMigrations,
    TaxRecords,
    ObjectionWatches,
    TaxActivitiesService,
  ],
  exports: [EventStore, TaxMigrations, TaxRecords, ObjectionWatches, TaxActivitiesService],
})
export class TaxCoreModule {}
