import { type DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { TaskQueue, Topic } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import {
  AuditLogModule,
  HealthRegistry,
  KAFKA,
  PG_POOL,
  PlatformModule,
  platformOptions,
  TemporalWorkerModule,
  OutboxPublisher,
  IntegrityController,
} from '@govflow/platform';
import { RegistrationActivitiesService } from './activities/registration-activities.service';
import { registrationTopicOf } from './outbox/registration-topics';
import type { RegistrationConfig } from './config/env.schema';
import { registrationSettings } from './config/registration-settings';

import { RegistrationCoreModule } from './registration-core.module';

@Module({})
export class RegistrationModule {
  static register(config: RegistrationConfig): DynamicModule {
    const core = RegistrationCoreModule.register(registrationSettings(config));
    return {
      module: RegistrationModule,
      imports: [
        PlatformModule.forRoot(platformOptions('registration', config)),
        AuditLogModule.register('registration'),
        core,
        TemporalWorkerModule.register({
          imports: [core],
          inject: [RegistrationActivitiesService],
          useFactory: (service: RegistrationActivitiesService) => ({
            taskQueue: TaskQueue.Registration,
            activities: service.activities(),
          }),
        }),
      ],
      controllers: [IntegrityController],
      providers: [
        {
          provide: OutboxPublisher,
          inject: [EventStore, PG_POOL, KAFKA, HealthRegistry],
          useFactory: (store: EventStore, pool: Pool, kafka: Kafka, health: HealthRegistry) =>
            new OutboxPublisher(store, pool, kafka, health, Topic.RegistrationEvents, registrationTopicOf),
        },
      ],
    };
  }
}
