import { type DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { TaskQueue, Topic } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import {
  HealthRegistry,
  AuditLogModule,
  IntegrityController,
  KAFKA,
  OutboxPublisher,
  PG_POOL,
  PlatformModule,
  platformOptions,
  TemporalWorkerModule,
} from '@govflow/platform';
import { ScienceActivitiesService, scienceTopicOf } from './activities/science-activities.service';
import { AssessmentSchedule } from './assessments/assessment-schedule';
import { EndRecognitionWhenDeregistered } from './assessments/end-recognition-when-deregistered';
import { AssessmentActivitiesService } from './assessments/assessment-activities.service';
import type { ScienceCommissionConfig } from './config/env.schema';
import { SCIENCE_CONSUMER_GROUP } from './config/science-consumer-group.token';
import { RegistrationEventsConsumer } from './enterprises/registration-events.consumer';
import { RegistrationEventsHandler } from './enterprises/registration-events.handler';
import { ScienceCoreModule } from './science-core.module';

@Module({})
export class ScienceCommissionModule {
  static register(config: ScienceCommissionConfig): DynamicModule {
    return {
      module: ScienceCommissionModule,
      imports: [
        PlatformModule.forRoot(platformOptions('science-commission', config)),
        AuditLogModule.register('science-commission'),
        ScienceCoreModule,
        TemporalWorkerModule.register({
          imports: [ScienceCoreModule],
          inject: [ScienceActivitiesService, AssessmentActivitiesService],
          useFactory: (service: ScienceActivitiesService, assessments: AssessmentActivitiesService) => ({
            taskQueue: TaskQueue.ScienceCommission,
            activities: { ...service.activities(), ...assessments.activities() },
          }),
        }),
      ],
      controllers: [IntegrityController],
      providers: [
        { provide: SCIENCE_CONSUMER_GROUP, useValue: config.SCIENCE_CONSUMER_GROUP },
        EndRecognitionWhenDeregistered,
        AssessmentSchedule,
        RegistrationEventsHandler,
        RegistrationEventsConsumer,
        {
          provide: OutboxPublisher,
          inject: [EventStore, PG_POOL, KAFKA, HealthRegistry],
          useFactory: (store: EventStore, pool: Pool, kafka: Kafka, health: HealthRegistry) =>
            new OutboxPublisher(store, pool, kafka, health, Topic.ScienceCommissionEvents, scienceTopicOf),
        },
      ],
    };
  }
}
