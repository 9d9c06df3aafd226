import type { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { startInboxConsumer, type InboxConsumerOptions } from '@govflow/event-store';
import type { RunningConsumer } from '@govflow/messaging';
import type { HealthRegistry } from '../health.registry';
import { startWhenReachable } from './start-when-reachable';

export interface InboxSubscriptionOptions extends Pick<InboxConsumerOptions, 'groupId' | 'topics' | 'handle'> {
  /** A new group starts from each topic's beginning: a fresh database must learn every fact published so far. */
  fromBeginning?: boolean;
}

/**
 * A service's inbox consumer for the life of the app: started once Kafka answers (the app boots without it),
 * reported under `inbox` in /health, stopped before shutdown. An app's consumer class owns one and forwards its
 * onApplicationBootstrap and beforeApplicationShutdown to start and stop.
 */
export class InboxSubscription {
  private consumer?: RunningConsumer;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly pool: Pool,
    private readonly kafka: Kafka,
    private readonly options: InboxSubscriptionOptions,
    health: HealthRegistry,
    private readonly logger: Logger,
  ) {
    health.register('inbox', () =>
      this.consumer
        ? Promise.resolve(`consuming ${options.topics.join(', ')} as ${options.groupId}`)
        : Promise.reject(new Error('not connected to Kafka yet')),
    );
  }

  start(): void {
    this.starting = this.startWhenConnected();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.consumer?.stop();
  }

  private async startWhenConnected(): Promise<void> {
    this.consumer = await startWhenReachable(
      `${this.options.topics.join(', ')} consumer`,
      () => startInboxConsumer(this.pool, this.kafka, { fromBeginning: true, ...this.options }),
      () => this.stopping,
      this.logger,
    );
  }
}
