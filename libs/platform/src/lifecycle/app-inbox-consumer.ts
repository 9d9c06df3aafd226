import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { type InboxConsumerOptions, startInboxConsumer } from '@govflow/event-store';
import type { RunningConsumer } from '@govflow/messaging';
import type { HealthRegistry } from '../health.registry';
import { startWhenReachable } from './start-when-reachable';

/**
 * A service's inbox consumer of some topics for the life of the app: started once Kafka answers (retrying until then),
 * stopped before shutdown, and reported on /health as `inbox`. A new group starts from each topic's beginning, so a
 * fresh database learns every fact ever published. Call start() on bootstrap and stop() before shutdown.
 */
export class AppInboxConsumer {
  private readonly logger: Logger;
  private consumer?: RunningConsumer;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly pool: Pool,
    private readonly kafka: Kafka,
    private readonly options: Pick<InboxConsumerOptions, 'groupId' | 'topics' | 'handle'>,
    health: HealthRegistry,
    name: string,
  ) {
    this.logger = new Logger(name);
    health.register('inbox', () =>
      this.consumer
        ? Promise.resolve(`consuming ${options.topics.join(', ')} as ${options.groupId}`)
        : Promise.reject(new Error('not connected to Kafka yet')),
    );
  }

  start(): void {
    this.starting ??= this.startWhenConnected();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.consumer?.stop();
  }

  private async startWhenConnected(): Promise<void> {
    this.consumer = await startWhenReachable(
      `${this.options.topics.join(', ')} consumer`,
      () => startInboxConsumer(this.pool, this.kafka, { ...this.options, fromBeginning: true }),
      () => this.stopping,
      this.logger,
    );
  }
}
