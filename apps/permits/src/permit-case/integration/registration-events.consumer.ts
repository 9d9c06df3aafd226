import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { Topic } from '@govflow/contracts';
import { startInboxConsumer } from '@govflow/event-store';
import type { RunningConsumer } from '@govflow/messaging';
import { HealthRegistry, KAFKA, PG_POOL, startWhenReachable } from '@govflow/platform';
import { PERMITS_CONSUMER_GROUP } from '../../config/permits-consumer-group.token';
import { EndPermitsWhenDeregisteredHandler } from './end-permits-when-deregistered.handler';

/**
 * Reads registration.events through the inbox for the life of the app, to end the permit cases of deregistered
 * enterprises. A new group starts from the topic's beginning: a deregistration missed while the app was away still
 * ends the cases (cases already ended or closed are skipped).
 */
@Injectable()
export class RegistrationEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RegistrationEventsConsumer.name);
  private consumer?: RunningConsumer;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PERMITS_CONSUMER_GROUP) private readonly groupId: string,
    private readonly dispatch: EndPermitsWhenDeregisteredHandler,
    health: HealthRegistry,
  ) {
    health.register('inbox', () =>
      this.consumer
        ? Promise.resolve(`consuming ${Topic.RegistrationEvents} as ${groupId}`)
        : Promise.reject(new Error('not connected to Kafka yet')),
    );
  }

  onApplicationBootstrap(): void {
    this.starting = this.startWhenConnected();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.consumer?.stop();
  }

  private async startWhenConnected(): Promise<void> {
    this.consumer = await startWhenReachable(
      'registration.events consumer',
      () =>
        startInboxConsumer(this.pool, this.kafka, {
          groupId: this.groupId,
          topics: [Topic.RegistrationEvents],
          fromBeginning: true,
          handle: (event, db) => this.dispatch.handle(event, db),
        }),
      () => this.stopping,
      this.logger,
    );
  }
}
