import {
  type BeforeApplicationShutdown,
  Inject,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { InvalidConfiguration } from '@govflow/config';
import { Topic } from '@govflow/contracts';
import { AuditIntegrator, generateSigningKey, type SignedCheckpoint } from '@govflow/event-store';
import { createEventProducer } from '@govflow/messaging';
import { HealthRegistry } from '../health.registry';
import { startWhenReachable } from '../lifecycle/start-when-reachable';
import { KAFKA, PG_POOL } from '../tokens';
import { AUDIT_LOG_SETTINGS } from './audit-log.tokens';
import type { AuditLogSettings } from './audit-signing-key';

/**
 * Runs the service's audit-log integrator for the life of the app and publishes each signed checkpoint to
 * audit.checkpoints, keyed by the log's origin. Integrating and signing need only the database; checkpoints
 * signed while Kafka is away are published once it answers.
 */
export class AuditLogPublisher implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditLogPublisher.name);
  private readonly producer: Producer;
  readonly integrator: AuditIntegrator;
  readonly settings: AuditLogSettings;
  private readonly refusal?: InvalidConfiguration;
  private connected = false;
  private stopping = false;
  private connecting?: Promise<unknown>;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(AUDIT_LOG_SETTINGS) settings: AuditLogSettings | InvalidConfiguration,
    health: HealthRegistry,
  ) {
    if (settings instanceof InvalidConfiguration) {
      this.refusal = settings;
      // Never used: onModuleInit refuses the start first.
      settings = {
        origin: 'refused',
        signer: { name: 'refused', privateKey: generateSigningKey() },
        previousVerifierKeys: [],
      };
    }
    this.settings = settings;
    this.producer = createEventProducer(kafka, { allowAutoTopicCreation: false });
    this.integrator = new AuditIntegrator(pool, {
      origin: settings.origin,
      signer: settings.signer,
      publish: (checkpoint) => this.send(checkpoint),
    });
    health.register('audit-log', () =>
      Promise.resolve(
        this.connected ? `signing ${this.settings.origin}` : `signing ${this.settings.origin}; Kafka not yet`,
      ),
    );
  }

  onModuleInit(): void {
    if (this.refusal) throw this.refusal;
  }

  onApplicationBootstrap(): void {
    this.integrator.start();
    this.connecting = startWhenReachable(
      `${Topic.AuditCheckpoints} producer`,
      async () => {
        await this.ensureTopic();
        await this.producer.connect();
        this.connected = true;
      },
      () => this.stopping,
      this.logger,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.integrator.stop();
    await this.connecting;
    await this.producer.disconnect();
  }

  private async send(checkpoint: SignedCheckpoint): Promise<boolean> {
    if (!this.connected) return false;
    await this.producer.send({
      topic: Topic.AuditCheckpoints,
      acks: -1,
      messages: [{ key: checkpoint.origin, value: checkpoint.note, headers: { size: String(checkpoint.size) } }],
    });
    return true;
  }

  /** infra creates the topic on start; a cluster started before this topic existed gets it here. */
  private async ensureTopic(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [
          { topic: Topic.AuditCheckpoints, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] },
        ],
      });
    } finally {
      await admin.disconnect();
    }
  }
}
