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
import type { TaxConfig } from './config/env.schema';
import { TAX_CONSUMER_GROUP } from './config/tax-consumer-group.token';
import { TaxMigrations } from './database/tax.migrations';

import { OpenTaxRecordWhenLicenseIssuedHandler } from './tax-record/integration/open-tax-record-when-license-issued.handler';
import { RegistrationEventsConsumer } from './tax-record/integration/registration-events.consumer';

@Module({})
export class TaxModule {
  static register(config: TaxConfig): DynamicModule {
    return {
      module: TaxModule,
      imports: [PlatformModule.forRoot(platformOptions('tax', config))],
      controllers: [IntegrityController],
      providers: [
        { provide: TAX_CONSUMER_GROUP, useValue: config.TAX_CONSUMER_GROUP },
        { provide: EventStore, useFactory: (pool: Pool) => new EventStore(pool), inject: [PG_POOL] },
        TaxMigrations,
        OpenTaxRecordWhenLicenseIssuedHandler,
        RegistrationEventsConsumer,
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
