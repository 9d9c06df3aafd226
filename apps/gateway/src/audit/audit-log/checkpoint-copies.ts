import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { Topic } from '@govflow/contracts';
import { KAFKA, migrateUnderLock, PG_POOL, startWhenReachable } from '@govflow/platform';
import { AuditLogClient } from './audit-log.client';

export const AUDIT_CONSUMER_GROUP = Symbol('AUDIT_CONSUMER_GROUP');

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS audit_checkpoint_copies (
     origin text NOT NULL,
     tree_size bigint NOT NULL,
     note text NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (origin, tree_size, note)
   )`,
];

/**
 * The gateway's own copy of every checkpoint the services published on audit.checkpoints: outside each
 * service's database, so a service whose log was cut back (rows, leaves and checkpoints deleted) is caught by
 * verify against the largest checkpoint it once published.
 */
@Injectable()
export class CheckpointCopies implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CheckpointCopies.name);
  private readonly consumer: Consumer;
  private readonly origins = new Map<string, string>();
  private stopping = false;
  private starting?: Promise<unknown>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(AUDIT_CONSUMER_GROUP) group: string,
    private readonly logs: AuditLogClient,
  ) {
    this.consumer = kafka.consumer({ groupId: `${group}-audit-checkpoints` });
  }

  onModuleInit(): Promise<void> {
    return migrateUnderLock(this.pool, 'gateway.audit_checkpoint_copies.migration', STATEMENTS);
  }

  onApplicationBootstrap(): void {
    this.starting = startWhenReachable(
      `${Topic.AuditCheckpoints} copies`,
      async () => {
        await this.consumer.connect();
        await this.consumer.subscribe({ topic: Topic.AuditCheckpoints, fromBeginning: true });
        await this.consumer.run({
          eachMessage: async ({ message }) => {
            const origin = message.key?.toString();
            const note = message.value?.toString();
            const size = Number(note?.split('\n')[1]);
            if (!origin || !note || !Number.isSafeInteger(size)) return;
            await this.pool.query(
              'INSERT INTO audit_checkpoint_copies (origin, tree_size, note) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
              [origin, size, note],
            );
          },
        });
      },
      () => this.stopping,
      this.logger,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.consumer.disconnect();
  }

  /** The largest checkpoint kept for the service's log, and any other note of that size (a fork shows). */
  async notesFor(service: string): Promise<string[]> {
    const origin = await this.originOf(service);
    if (!origin) return [];
    const { rows } = await this.pool.query<{ note: string }>(
      `SELECT note FROM audit_checkpoint_copies
       WHERE origin = $1 AND tree_size = (SELECT max(tree_size) FROM audit_checkpoint_copies WHERE origin = $1)`,
      [origin],
    );
    return rows.map((r) => r.note);
  }

  private async originOf(service: string): Promise<string | undefined> {
    if (!this.origins.has(service)) {
      const answer = await this.logs.ask(service, '/public-key');
      const origin = (answer.body as { origin?: unknown } | undefined)?.origin;
      if (answer.status === 200 && typeof origin === 'string') this.origins.set(service, origin);
    }
    return this.origins.get(service);
  }
}
