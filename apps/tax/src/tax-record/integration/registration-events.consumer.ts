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
import { TAX_CONSUMER_GROUP } from '../../config/tax-consumer-group.token';
import { RegistrationEventsDispatch } from './registration-events.dispatch';

/**
 * Reads registration.events (and science-commission.events, for recognised maker spaces) through the inbox for the
 * life of the app. A new group starts from each topic's beginning: a fresh tax database must open the record of every
 * license ever issued.
 */
@Injectable()
export class RegistrationEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subscription: InboxSubscription;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(TAX_CONSUMER_GROUP) groupId: string,
    dispatch: RegistrationEventsDispatch,
    health: HealthRegistry,
  ) {
    const options = {
      groupId,
      topics: [Topic.RegistrationEvents, Topic.ScienceCommissionEvents],
      handle: (event: Parameters<RegistrationEventsDispatch['handle']>[0]) => dispatch.handle(event, new Date()),
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
