import { type DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { Topic } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import {
  HealthRegistry,
  IntegrityController,
  KAFKA,
  OutboxPublisher,
  PG_POOL,
  PlatformModule,
  platformOptions,
} from '@govflow/platform';
import type { ScienceCommissionConfig } from './config/env.schema';
import { SCIENCE_CONSUMER_GROUP } from './config/science-consumer-group.token';
import { ScienceMigrations } from './database/science.migrations';
import { Enterprises } from './enterprises/enterprises';
import { RegistrationEventsConsumer } from './enterprises/registration-events.consumer';
import { RegistrationEventsHandler } from './enterprises/registration-events.handler';
import { GrantHolds } from './grants/grant-holds';

@Module({})
export class ScienceCommissionModule {
  static register(config: ScienceCommissionConfig): DynamicModule {
    return {
      module: ScienceCommissionModule,
      imports: [PlatformModule.forRoot(platformOptions('science-commission', config))],
      controllers: [IntegrityController],
      providers: [
        { provide: SCIENCE_CONSUMER_GROUP, useValue: config.SCIENCE_CONSUMER_GROUP },
        { provide: EventStore, useFactory: (pool: Pool) => new EventStore(pool), inject: [PG_POOL] },
        ScienceMigrations,
        Enterprises,
        GrantHolds,
        RegistrationEventsHandler,
        RegistrationEventsConsumer,
        {
          provide: OutboxPublisher,
          inject: [EventStore, PG_POOL, KAFKA, HealthRegistry],
          useFactory: (store: EventStore, pool: Pool, kafka: Kafka, health: HealthRegistry) =>
            new OutboxPublisher(store, pool, kafka, health, Topic.ScienceCommissionEvents),
        },
      ],
    };
  }
}
