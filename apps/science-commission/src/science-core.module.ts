import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';
import { ScienceActivitiesService } from './activities/science-activities.service';
import { AssessmentActivitiesService } from './assessments/assessment-activities.service';
import { MakerSpaces } from './assessments/maker-spaces';
import { ScienceMigrations } from './database/science.migrations';
import { Enterprises } from './enterprises/enterprises';
import { GrantHolds } from './grants/grant-holds';
import { VoucherHolds } from './vouchers/voucher-holds';

/** Everything but the transports, so the worker can take the activities from it. */
@Module({
  providers: [
    { provide: EventStore, useFactory: (pool: Pool) => new EventStore(pool), inject: [PG_POOL] },
    ScienceMigrations,
    Enterprises,
    GrantHolds,
    VoucherHolds,
    ScienceActivitiesService,
    MakerSpaces,
    AssessmentActivitiesService,
  ],
  exports: [
    EventStore,
    ScienceMigrations,
    Enterprises,
    GrantHolds,
    VoucherHolds,
    ScienceActivitiesService,
    MakerSpaces,
    AssessmentActivitiesService,
  ],
})
export class ScienceCoreModule {}
