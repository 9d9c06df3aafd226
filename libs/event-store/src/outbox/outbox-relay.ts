import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { Pool, PoolClient } from 'pg';
import { Topic } from '@govflow/contracts';
import { toKafkaMessage } from '@govflow/messaging';
import { EventStore } from '../store/event-store';
import type { StoredEvent } from '../store/event-types';
import { Pause } from '../shared/pause';

export interface OutboxRelayOptions {
  topic: Topic;
  /** The topic of each event, when not all go to `topic`; one stream's events must keep one topic (their order). */
  route?: (event: StoredEvent) => Topic;
  /** Relays with the same name share one checkpoint and one lock; at most one of them publishes. */
  name?: string;
  batchSize?: number;
  /** How long to wait before looking again when nothing new was committed. */
  idlePollMs?: number;
  /** How often a relay without the lock (or after an error) tries to take over. */
  standbyPollMs?: number;
}

/**
 * Publishes committed events to Kafka in global-position order (the events table is the outbox). It publishes
 * only while it holds a session advisory lock, so a second instance waits as a standby, and a crashed relay's
 * lock goes with its connection. The checkpoint moves after Kafka acknowledged, so a crash between the two
 * republishes the batch on restart: delivery is at least once, and consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly name: string;
  private running = false;
  private loop?: Promise<void>;
  private readonly sleeper = new Pause();

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
  ) {
    this.name = options.name ?? `outbox:${options.topic}`;
    this.logger = new Logger(`OutboxRelay ${this.name}`);
  }

  /** Starts relaying in the background; the producer must be connected. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.interrupt();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.relayWhileLeader();
      } catch (error) {
        this.logger.error(`relay interrupted: ${String(error)}`);
      }
      await this.pause(this.options.standbyPollMs ?? 1000);
    }
  }

  private async relayWhileLeader(): Promise<void> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    // A held client whose connection drops emits 'error'; unheard, that would crash the process.
    const onConnectionError = (error: Error) => this.logger.warn(`lock session lost: ${error.message}`);
    client.on('error', onConnectionError);
    try {
      if (!(await this.tryLock(client))) return;
      // A checkpoint lost in a crash only republishes a batch, which consumers dedupe: no need to wait for fsync.
      await client.query('SET synchronous_commit = off');
      try {
        let checkpoint = await this.loadCheckpoint(client);
        while (this.running) {
          const events = await this.store.readAll(checkpoint, this.options.batchSize ?? 500);
          const last = events.at(-1);
          if (!last) {
            await this.pause(this.options.idlePollMs ?? 10);
            continue;
          }
          await this.producer.sendBatch({ acks: -1, topicMessages: this.byTopic(events) });
          // On the lock's own connection: a relay whose session was ended can no longer move the checkpoint.
          await client.query(
            'UPDATE event_store.relay_checkpoints SET position = $2, updated_at = now() WHERE name = $1',
            [this.name, last.position.toString()],
          );
          checkpoint = last.position;
        }
      } finally {
        // The connection goes back to the pool: its next user must wait for fsync again.
        await client.query('RESET synchronous_commit');
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.lockName]);
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.off('error', onConnectionError);
      client.release(failure);
    }
  }

  private get lockName(): string {
    return `event_store.relay:${this.name}`;
  }

  private async tryLock(client: PoolClient): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      this.lockName,
    ]);
    return rows[0]?.locked === true;
  }

  private async loadCheckpoint(client: PoolClient): Promise<bigint> {
    const { rows } = await client.query<{ position: string }>(
      `INSERT INTO event_store.relay_checkpoints (name) VALUES ($1)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING position`,
      [this.name],
    );
    return BigInt(rows[0]?.position ?? 0);
  }

  private byTopic(events: StoredEvent[]): { topic: Topic; messages: ReturnType<typeof toKafkaMessage>[] }[] {
    const route = this.options.route ?? (() => this.options.topic);
    const batches = new Map<Topic, ReturnType<typeof toKafkaMessage>[]>();
    for (const event of events) {
      const topic = route(event);
      batches.set(topic, [...(batches.get(topic) ?? []), toKafkaMessage(event)]);
    }
    return [...batches].map(([topic, messages]) => ({ topic, messages }));
  }

  private pause(ms: number): Promise<void> {
    return this.running ? this.sleeper.for(ms) : Promise.resolve();
  }
}
