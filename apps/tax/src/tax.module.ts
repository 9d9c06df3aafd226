import { type DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { TaskQueue, Topic } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import {
  AuditLogModule,
  HealthRegistry,
  IntegrityController,
  KAFKA,
  OutboxPublisher,
  PG_POOL,
  PlatformModule,
  platformOptions,
  TemporalWorkerModule,
} from '@govflow/platform';
import type { TaxConfig } from './config/env.schema';
import { TAX_CONSUMER_GROUP } from './config/tax-consumer-group.token';

import { OpenTaxRecordWhenLicenseIssuedHandler } from './tax-record/integration/open-tax-record-when-license-issued.handler';
import { RegistrationEventsConsumer } from './tax-record/integration/registration-events.consumer';
import { CloseTaxRecordWhenDeregisteredHandler } from './tax-record/integration/close-tax-record-when-deregistered.handler';
import { EndExemptionWhenRecognitionEndsHandler } from './tax-record/integration/end-exemption-when-recognition-ends.handler';
import { StartExemptionWhenMakerSpaceRecognizedHandler } from './tax-record/integration/start-exemption-when-maker-space-recognized.handler';
import { RegistrationEventsDispatch } from './tax-record/integration/registration-events.dispatch';
import { TaxActivitiesService } from './tax-record/activities/tax-activities.service';
import { TaxCoreModule } from './tax-core.module';
import { AnswerDeregistrationNoticeHandler } from './tax-record/clearance/answer-deregistration-notice.handler';
import { OBJECTION_SWEEP_INTERVAL_MS, ObjectionSweeper } from './tax-record/clearance/objection-sweeper';

@Module({})
export class TaxModule {
  static register(config: TaxConfig): DynamicModule {
    return {
      module: TaxModule,
      imports: [
        PlatformModule.forRoot(platformOptions('tax', config)),
        AuditLogModule.register('tax'),
        TaxCoreModule,
        TemporalWorkerModule.register({
          imports: [TaxCoreModule],
          inject: [TaxActivitiesService],
          useFactory: (service: TaxActivitiesService) => ({
            taskQueue: TaskQueue.Tax,
            activities: service.activities(),
          }),
        }),
      ],
      controllers: [IntegrityController],
      providers: [
        { provide: TAX_CONSUMER_GROUP, useValue: config.TAX_CONSUMER_GROUP },
        { provide: OBJECTION_SWEEP_INTERVAL_MS, useValue: config.TAX_OBJECTION_SWEEP_MS },
        OpenTaxRecordWhenLicenseIssuedHandler,
        AnswerDeregistrationNoticeHandler,
        CloseTaxRecordWhenDeregisteredHandler,
        StartExemptionWhenMakerSpaceRecognizedHandler,
        EndExemptionWhenRecognitionEndsHandler,
        RegistrationEventsDispatch,
        RegistrationEventsConsumer,
        ObjectionSweeper,
        {
          provide: OutboxPublisher,
          inject: [EventStore, PG_POOL, KAFKA, HealthRegistry],
          useFactory: (store: EventStore, pool: Pool, kafka: Kafka, health: HealthRegistry) =>
            new OutboxPublisher(store, pool, kafka, health, Topic.TaxEvents),
        },
      ],
    };
  }
}
