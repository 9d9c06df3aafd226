// Ports and paths for the local servers; every value can be overridden by environment.
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

export const localDir = path.resolve(env.INFRA_DIR ?? path.join(projectRoot, '.local'));

export const config = {
  host: '127.0.0.1',
  localDir,
  runDir: path.join(localDir, 'run'),
  logDir: path.join(localDir, 'logs'),
  postgres: {
    port: int('PG_PORT', 15432),
    dataDir: path.join(localDir, 'postgres', 'data'),
    socketDir: path.join(localDir, 'postgres', 'socket'),
    user: 'govflow',
    password: 'govflow',
    databases: ['registration', 'tax', 'science_commission', 'gateway'],
  },
  kafka: {
    port: int('KAFKA_PORT', 19092),
    controllerPort: int('KAFKA_CONTROLLER_PORT', 19093),
    dir: path.join(localDir, 'kafka'),
  },
  temporal: {
    port: int('TEMPORAL_PORT', 7233),
    uiPort: int('TEMPORAL_UI_PORT', 8233),
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    dir: path.join(localDir, 'temporal'),
  },
};
