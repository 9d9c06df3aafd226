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
import { SCIENCE_CONSUMER_GROUP } from '../config/science-consumer-group.token';
import { RegistrationEventsHandler } from './registration-events.handler';

/**
 * Reads registration.events through the inbox for the life of the app. A new group starts from the topic's
 * beginning: a fresh database must learn of every enterprise ever licensed.
 */
@Injectable()
export class RegistrationEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subscription: InboxSubscription;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(SCIENCE_CONSUMER_GROUP) groupId: string,
    handler: RegistrationEventsHandler,
    health: HealthRegistry,
  ) {
    const options = {
      groupId,
      topics: [Topic.RegistrationEvents],
      handle: handler.handle.bind(handler),
    };
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
