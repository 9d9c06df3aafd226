import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { createPool, createServiceKafka, createTemporalConnection, registerClientChecks } from './clients';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';
import { KAFKA, PG_POOL, PLATFORM_OPTIONS, type PlatformOptions, TEMPORAL_CONNECTION } from './tokens';

class PlatformLifecycle implements OnApplicationShutdown {
  private readonly close: () => Promise<void>;

  constructor(
    registry: HealthRegistry,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(TEMPORAL_CONNECTION) temporal: Connection,
    @Inject(PLATFORM_OPTIONS) options: PlatformOptions,
    @Optional() @Inject(PG_POOL) pool?: Pool,
  ) {
    this.close = registerClientChecks(registry, { pool, kafka, temporal, namespace: options.temporalNamespace });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

/** The clients every service needs (PostgreSQL, Kafka, Temporal), their health checks and GET /health. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const database = options.databaseUrl ? [{ provide: PG_POOL, useFactory: () => createPool(options) }] : [];
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createServiceKafka(options) },
        { provide: TEMPORAL_CONNECTION, useFactory: () => createTemporalConnection(options) },
        ...database,
        HealthRegistry,
        PlatformLifecycle,
      ],
      exports: [PLATFORM_OPTIONS, KAFKA, TEMPORAL_CONNECTION, HealthRegistry, ...database.map((p) => p.provide)],
    };
  }
}
