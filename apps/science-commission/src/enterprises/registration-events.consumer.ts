import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { Topic } from '@govflow/contracts';
import { AppInboxConsumer, HealthRegistry, KAFKA, PG_POOL } from '@govflow/platform';
import { SCIENCE_CONSUMER_GROUP } from '../config/science-consumer-group.token';
import { RegistrationEventsHandler } from './registration-events.handler';

/** Reads registration.events through the inbox for the life of the app: it must learn every enterprise licensed. */
@Injectable()
export class RegistrationEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: AppInboxConsumer;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(SCIENCE_CONSUMER_GROUP) groupId: string,
    dispatch: RegistrationEventsHandler,
    health: HealthRegistry,
  ) {
    const topics = [Topic.RegistrationEvents];
    const handle = dispatch.handle.bind(dispatch);
    this.consumer = new AppInboxConsumer(
      pool,
      kafka,
      { groupId, topics, handle },
      health,
      RegistrationEventsConsumer.name,
    );
  }

  onApplicationBootstrap(): void {
    this.consumer.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.consumer.stop();
  }
}
