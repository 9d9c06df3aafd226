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
import { HealthRegistry, InboxSubscription, KAFKA, PG_POOL } from '@govflow/platform';
import { PERMITS_CONSUMER_GROUP } from '../../config/permits-consumer-group.token';
import { EndPermitsWhenDeregisteredHandler } from './end-permits-when-deregistered.handler';

/**
 * Reads registration.events through the inbox for the life of the app, to end the permit cases of deregistered
 * enterprises. A new group starts from the topic's beginning: a deregistration missed while the app was away still
 * ends the cases (cases already ended or closed are skipped).
 */
@Injectable()
export class RegistrationEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subscription: InboxSubscription;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PERMITS_CONSUMER_GROUP) groupId: string,
    handler: EndPermitsWhenDeregisteredHandler,
    health: HealthRegistry,
  ) {
    const options = { groupId, topics: [Topic.RegistrationEvents], handle: handler.handle.bind(handler) };
    this.subscription = new InboxSubscription(
      pool,
      kafka,
      options,
      health,
      new Logger(RegistrationEventsConsumer.name),
    );
  }

  onApplicationBootstrap(): void {
    this.subscription.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.subscription.stop();
  }
}
