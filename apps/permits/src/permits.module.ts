import { type DynamicModule, Module } from '@nestjs/common';
import { Client, type Connection } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { TaskQueue, Topic } from '@govflow/contracts';
import { EventStore, type StoredEvent } from '@govflow/event-store';
import {
  HealthRegistry,
  AuditLogModule,
  IntegrityController,
  KAFKA,
  OutboxPublisher,
  PG_POOL,
  PLATFORM_OPTIONS,
  PlatformModule,
  platformOptions,
  type PlatformOptions,
  TEMPORAL_CONNECTION,
  TemporalWorkerModule,
} from '@govflow/platform';
import { PermitActivitiesService } from './activities/permit-activities.service';
import type { PermitsConfig } from './config/env.schema';
import { PERMITS_CONSUMER_GROUP } from './config/permits-consumer-group.token';
import {
  EndPermitsWhenDeregisteredHandler,
  PermitWorkflowClient,
} from './permit-case/integration/end-permits-when-deregistered.handler';
import { RegistrationEventsConsumer } from './permit-case/integration/registration-events.consumer';
import { PermitsCoreModule } from './permits-core.module';
import { taskStreamId } from './tasks/task-event-recorder';

const taskStreamPrefix = taskStreamId('');
/** Permit facts go to permits.events; the officers' and inspectors' task events to tasks.events. */
export const permitsTopicOf = (event: StoredEvent): Topic =>
  event.streamId.startsWith(taskStreamPrefix) ? Topic.TaskEvents : Topic.PermitEvents;

/**
 * The permit authorities (先照后证, R2.2–R2.4): every industry authority's permit cases, the authority being data on the
 * case. Activities on queue `permits`; facts on permits.events. Reads registration.events to end the cases of
 * deregistered enterprises.
 */
@Module({})
export class PermitsModule {
  static register(config: PermitsConfig): DynamicModule {
    return {
      module: PermitsModule,
      imports: [
        PlatformModule.forRoot(platformOptions('permits', config)),
        AuditLogModule.register('permits'),
        PermitsCoreModule,
        TemporalWorkerModule.register({
          imports: [PermitsCoreModule],
          inject: [PermitActivitiesService],
          useFactory: (service: PermitActivitiesService) => ({
            taskQueue: TaskQueue.Permits,
            activities: service.activities(),
          }),
        }),
      ],
      controllers: [IntegrityController],
      providers: [
        { provide: PERMITS_CONSUMER_GROUP, useValue: config.PERMITS_CONSUMER_GROUP },
        {
          provide: PermitWorkflowClient,
          inject: [TEMPORAL_CONNECTION, PLATFORM_OPTIONS],
          useFactory: (connection: Connection, options: PlatformOptions): PermitWorkflowClient => ({
            client: new Client({ connection, namespace: options.temporalNamespace }),
          }),
        },
        EndPermitsWhenDeregisteredHandler,
        RegistrationEventsConsumer,
        {
          provide: OutboxPublisher,
          inject: [EventStore, PG_POOL, KAFKA, HealthRegistry],
          useFactory: (store: EventStore, pool: Pool, kafka: Kafka, health: HealthRegistry) =>
            new OutboxPublisher(store, pool, kafka, health, Topic.PermitEvents, permitsTopicOf),
        },
      ],
    };
  }
}
