import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { Topic } from '@govflow/contracts';
import { AppInboxConsumer, HealthRegistry, KAFKA, PG_POOL } from '@govflow/platform';
import { TAX_CONSUMER_GROUP } from '../../config/tax-consumer-group.token';
import { RegistrationEventsDispatch } from './registration-events.dispatch';

/**
 * Reads registration.events (and science-commission.events, for recognised maker spaces) through the inbox for the
 * life of the app: a fresh tax database must open the record of every license ever issued.
 */
@Injectable()
export class RegistrationEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: AppInboxConsumer;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(TAX_CONSUMER_GROUP) groupId: string,
    dispatch: RegistrationEventsDispatch,
    health: HealthRegistry,
  ) {
    const topics = [Topic.RegistrationEvents, Topic.ScienceCommissionEvents];
    const handle = (event: Parameters<RegistrationEventsDispatch['handle']>[0]) => dispatch.handle(event, new Date());
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
