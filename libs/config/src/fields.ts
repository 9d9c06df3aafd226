import { z } from 'zod';

// Defaults point at the servers that `node infra/dev.mjs up` starts on loopback.
const pgUrl = (db: string) => `postgres://govflow:govflow@127.0.0.1:15432/${db}`;

export const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

export const databaseUrl = (database: string) =>
  z
    .string()
    .default(pgUrl(database))
    .refine((value) => /^postgres(ql)?:\/\/[^/]+\/\w+/.test(value), 'must be a postgres:// URL with a database name');

const hostPort = /^[\w.-]+:\d{1,5}$/;

export const kafkaBrokers = z
  .string()
  .default('127.0.0.1:19092')
  .refine((value) => value.split(',').every((b) => hostPort.test(b.trim())), 'must be host:port[,host:port…]')
  .transform((value) => value.split(',').map((b) => b.trim()));

export const temporalAddress = z
  .string()
  .default('127.0.0.1:7233')
  .refine((value) => hostPort.test(value), 'must be host:port');

export const temporalNamespace = z.string().min(1, 'must not be empty').default('default');

export const nodeEnv = z
  .enum(['development', 'test', 'production'], { error: 'must be development, test or production' })
  .default('development');

/**
 * GOVFLOW_TIME_SCALE: how many times faster than real time the timers of new cases run (local runs only; default 1).
 * The calendar still decides each deadline; only the wait until it is divided. Production refuses anything but 1.
 */
export const timeScale = z
  .string()
  .default('1')
  .refine((value) => /^[1-9]\d{0,8}$/.test(value.trim()), 'must be a whole number of at least 1')
  .transform((value) => Number(value.trim()));

/** The settings every service shares: where the Temporal and Kafka servers are, and the clock. */
export const platformFields = {
  NODE_ENV: nodeEnv,
  GOVFLOW_TIME_SCALE: timeScale,
  TEMPORAL_ADDRESS: temporalAddress,
  TEMPORAL_NAMESPACE: temporalNamespace,
  KAFKA_BROKERS: kafkaBrokers,
};
