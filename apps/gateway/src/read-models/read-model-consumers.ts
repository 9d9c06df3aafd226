import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { inTransaction, migrate, startInboxConsumer } from '@govflow/event-store';
import type { RunningConsumer } from '@govflow/messaging';
import { KAFKA, PG_POOL, startWhenReachable } from '@govflow/platform';
import { READ_MODEL_FEEDS, type ReadModelFeed, type ReadModelName } from './read-model-feeds';
import { resetToEarliest } from './reset-offsets';

// Replicas boot together: concurrent CREATE TABLE IF NOT EXISTS can still collide, so one creates while others wait.
const TABLES_LOCK = 'gateway.read-models.tables';

/**
 * Keeps the read models fed from Kafka for the life of the gateway. Each event is applied in the transaction that
 * records it in the event-store inbox (keyed by projection name), so a redelivery changes nothing; the consumer
 * group's offsets are the checkpoint. Tables exist before the first request, even while Kafka is unreachable.
 */
@Injectable()
export class ReadModelConsumers implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModels');
  private readonly running = new Map<ReadModelFeed, RunningConsumer>();
  private readonly starting = new Map<ReadModelFeed, Promise<void>>();
  private readonly wanted = new Set<ReadModelFeed>();
  private readonly rebuilding = new Set<ReadModelName>();
  private shuttingDown = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(READ_MODEL_FEEDS) private readonly feeds: ReadModelFeed[],
  ) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool);
    await inTransaction(this.pool, async (db) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [TABLES_LOCK]);
      for (const { projection } of this.feeds) await projection.createTable(db, projection.table);
    });
  }

  onApplicationBootstrap(): void {
    this.feeds.forEach((feed) => this.start(feed));
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.stop(this.feeds);
  }

  /**
   * Empties a read model and replays its topics from the earliest retained offset. Its groups must have no other
   * members, so run it with one gateway replica (or start the others with a new GATEWAY_CONSUMER_GROUP).
   */
  async rebuild(readModel: ReadModelName): Promise<void> {
    if (this.rebuilding.has(readModel)) throw new ConflictException(`${readModel} is already being rebuilt`);
    this.rebuilding.add(readModel);
    const feeds = this.feeds.filter((feed) => feed.readModel === readModel);
    try {
      await this.stop(feeds);
      await inTransaction(this.pool, async (db) => {
        await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [TABLES_LOCK]);
        for (const table of new Set(feeds.map((feed) => feed.projection.table))) {
          await db.query(`DROP TABLE IF EXISTS ${table}`);
        }
        await db.query('DELETE FROM event_store.inbox WHERE consumer = ANY($1)', [feeds.map(consumerName)]);
        for (const { projection } of feeds) await projection.createTable(db, projection.table);
      });
      await resetToEarliest(this.kafka, feeds);
      this.logger.log(`${readModel} emptied; replaying ${feeds.flatMap((feed) => feed.topics).join(', ')}`);
    } finally {
      feeds.forEach((feed) => this.start(feed));
      this.rebuilding.delete(readModel);
    }
  }

  private start(feed: ReadModelFeed): void {
    if (this.shuttingDown || this.starting.has(feed)) return;
    this.wanted.add(feed);
    this.starting.set(feed, this.startUntilConnected(feed));
  }

  private async startUntilConnected(feed: ReadModelFeed): Promise<void> {
    const { projection, topics, groupId } = feed;
    const consumer = await startWhenReachable(
      groupId,
      () =>
        startInboxConsumer(this.pool, this.kafka, {
          groupId,
          topics,
          fromBeginning: true,
          consumerName: consumerName(feed),
          handle: (event, db) => projection.apply(db, projection.table, [event]),
        }),
      () => !this.wanted.has(feed),
      this.logger,
    );
    if (consumer) this.running.set(feed, consumer);
  }

  private async stop(feeds: ReadModelFeed[]): Promise<void> {
    feeds.forEach((feed) => this.wanted.delete(feed));
    await Promise.all(feeds.map((feed) => this.starting.get(feed) ?? Promise.resolve()));
    await Promise.all(feeds.map((feed) => this.running.get(feed)?.stop() ?? Promise.resolve()));
    for (const feed of feeds) {
      this.running.delete(feed);
      this.starting.delete(feed);
    }
  }
}

const consumerName = (feed: ReadModelFeed) => feed.projection.name;
