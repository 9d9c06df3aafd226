import { Logger } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import type { Admin, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { createKafka } from '@govflow/messaging';
import type { HealthRegistry } from './health.registry';
import type { PlatformOptions } from './tokens';

export function createPool(options: PlatformOptions): Pool {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 20, application_name: options.service });
  // An idle client whose server connection drops emits 'error'; unhandled, it would end the process.
  pool.on('error', (error) => new Logger('pg').warn(`idle connection lost: ${error.message}`));
  return pool;
}

// Lazy: the service boots and reports itself unhealthy rather than crashing while Temporal starts.
export const createTemporalConnection = (options: PlatformOptions) =>
  Connection.lazy({ address: options.temporalAddress });

export const createServiceKafka = (options: PlatformOptions) => createKafka(options.service, options.kafkaBrokers);

export function registerClientChecks(
  registry: HealthRegistry,
  clients: { pool?: Pool; kafka: Kafka; temporal: Connection; namespace: string },
): () => Promise<void> {
  const { pool, kafka, temporal, namespace } = clients;
  let admin: Admin | undefined;
  if (pool) {
    registry.register('postgres', async () => {
      const { rows } = await pool.query<{ db: string }>('SELECT current_database() AS db');
      return `database ${rows[0]?.db}`;
    });
  }
  registry.register('kafka', async () => {
    if (!admin) {
      admin = kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
    }
    const cluster = await admin.describeCluster();
    return `${cluster.brokers.length} broker(s), cluster ${cluster.clusterId}`;
  });
  registry.register('temporal', async () => {
    await temporal.ensureConnected();
    const info = await temporal.workflowService.describeNamespace({ namespace });
    return `namespace ${info.namespaceInfo?.name}`;
  });
  return async () => {
    await Promise.allSettled([pool?.end(), admin?.disconnect(), temporal.close()]);
  };
}
