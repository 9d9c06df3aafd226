import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';
import { PermitActivitiesService } from './activities/permit-activities.service';
import { PermitsMigrations } from './database/permits.migrations';
import { PermitCaseRegister } from './permit-case/permit-case-register';
import { TaskEventRecorder } from './tasks/task-event-recorder';

/** Everything but the transports, so the worker (and tests) can take the activities from it. */
@Module({
  providers: [
    { provide: EventStore, useFactory: (pool: Pool) => new EventStore(pool), inject: [PG_POOL] },
    PermitsMigrations,
    PermitCaseRegister,
    TaskEventRecorder,
    PermitActivitiesService,
  ],
  exports: [EventStore, PermitsMigrations, PermitCaseRegister, PermitActivitiesService],
})
export class PermitsCoreModule {}
