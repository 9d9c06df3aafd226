// Ports and paths for the local servers; every value can be overridden by environment.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..', '..');
const env = process.env;
const int = (name, fallback) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
};

const count = (name, fallback, max) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return value;
};

export const localDir = path.resolve(env.INFRA_DIR ?? path.join(projectRoot, '.local'));

// As root, PostgreSQL runs as the `postgres` user, who may not enter the project (a clone under /root or in a
// mode-700 folder). Its cluster then lives in /var/tmp under a name derived from localDir: the same folder for every
// `up` and `down` of this checkout, another for every other checkout. A cluster made in the project earlier stays.
const inProjectPostgres = path.join(localDir, 'postgres');
const postgresHome =
  process.getuid?.() === 0 && !fs.existsSync(path.join(inProjectPostgres, 'data', 'PG_VERSION'))
    ? path.join(
        env.INFRA_POSTGRES_PARENT ?? '/var/tmp',
        `govflow-postgres-${createHash('sha256').update(localDir).digest('hex').slice(0, 16)}`,
      )
    : inProjectPostgres;

export const config = {
  host: '127.0.0.1',
  localDir,
  runDir: path.join(localDir, 'run'),
  logDir: path.join(localDir, 'logs'),
  postgres: {
    port: int('PG_PORT', 15432),
    home: postgresHome,
    dataDir: path.join(postgresHome, 'data'),
    socketDir: path.join(postgresHome, 'socket'),
    user: 'govflow',
    password: 'govflow',
    databases: ['registration', 'tax', 'science_commission', 'gateway', 'permits'],
  },
  kafka: {
    port: int('KAFKA_PORT', 19092),
    controllerPort: int('KAFKA_CONTROLLER_PORT', 19093),
    // 1: one combined broker+controller in .local/kafka (the default). 3 (or more): a cluster in
    // .local/kafka-cluster, node n listening on KAFKA_PORT + 2(n-1) and KAFKA_CONTROLLER_PORT + 2(n-1).
    brokersCount: count('KAFKA_BROKERS_COUNT', 1, 5),
    dir: path.join(localDir, 'kafka'),
    clusterDir: path.join(localDir, 'kafka-cluster'),
    // The broker jars; another checkout's (or another INFRA_DIR's) can be shared, as the cluster test does.
    libsDir: path.resolve(env.INFRA_KAFKA_LIBS ?? path.join(localDir, 'kafka', 'libs')),
  },
  temporal: {
    port: int('TEMPORAL_PORT', 7233),
    uiPort: int('TEMPORAL_UI_PORT', 8233),
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    dir: path.join(localDir, 'temporal'),
  },
};
