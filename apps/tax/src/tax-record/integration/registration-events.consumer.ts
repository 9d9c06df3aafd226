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
import { TAX_CONSUMER_GROUP } from '../../config/tax-consumer-group.token';
import { RegistrationEventsDispatch } from './registration-events.dispatch';

/**
 * Reads registration.events (and science-commission.events, for recognised maker spaces) through the inbox for the
 * life of the app. A new group starts from each topic's beginning: a fresh tax database must open the record of every
 * license ever issued.
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
    @Inject(TAX_CONSUMER_GROUP) private readonly groupId: string,
    private readonly dispatch: RegistrationEventsDispatch,
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
          topics: [Topic.RegistrationEvents, Topic.ScienceCommissionEvents],
          fromBeginning: true,
          handle: (event) => this.dispatch.handle(event, new Date()),
        }),
      () => this.stopping,
      this.logger,
    );
  }
}
