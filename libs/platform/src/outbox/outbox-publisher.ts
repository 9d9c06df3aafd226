import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { Topic } from '@govflow/contracts';
import { EventStore, OutboxRelay, type OutboxRelayOptions } from '@govflow/event-store';
import { createEventProducer } from '@govflow/messaging';
import { HealthRegistry } from '../health.registry';
import { startWhenReachable } from '../lifecycle/start-when-reachable';

/**
 * Relays this service's committed events to its topic for the life of the app. It waits for Kafka rather than
 * failing the boot, reports itself on /health, and stops before the platform closes the pool.
 */
export class OutboxPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxPublisher.name);
  private readonly producer: Producer;
  private relay?: OutboxRelay;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    kafka: Kafka,
    health: HealthRegistry,
    private readonly topic: Topic,
    private readonly route?: OutboxRelayOptions['route'],
  ) {
    this.producer = createEventProducer(kafka);
    health.register('outbox', () =>
      this.relay ? Promise.resolve(`relaying to ${topic}`) : Promise.reject(new Error('not connected to Kafka yet')),
    );
  }

  onApplicationBootstrap(): void {
    this.starting = this.startWhenConnected();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.relay?.stop();
    await this.producer.disconnect();
  }

  private async startWhenConnected(): Promise<void> {
    this.relay = await startWhenReachable(
      `${this.topic} relay`,
      async () => {
        await this.producer.connect();
        const relay = new OutboxRelay(this.store, this.pool, this.producer, { topic: this.topic, route: this.route });
        relay.start();
        return relay;
      },
      () => this.stopping,
      this.logger,
    );
  }
}
