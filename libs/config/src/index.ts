export { loadEnv, InvalidConfiguration } from './env';
export {
  port,
  databaseUrl,
  kafkaBrokers,
  temporalAddress,
  temporalNamespace,
  nodeEnv,
  platformFields,
  timeScale,
} from './fields';
export { serviceEnvSchema, type ServiceEnv } from './service-env';
