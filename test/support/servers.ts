// Where the real servers are: the same defaults infra/dev.mjs uses, overridable by environment.
export const servers = {
  temporalAddress: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  temporalNamespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
  // infra/dev.mjs env sets PG_ADMIN_URL (and one URL per service database) for whatever PG_PORT it used.
  databaseUrl: (database: string) =>
    process.env[`${database.toUpperCase()}_DATABASE_URL`] ??
    (process.env.PG_ADMIN_URL ?? 'postgres://govflow:govflow@127.0.0.1:15432/postgres').replace(
      /\/[^/]*$/,
      `/${database}`,
    ),
};

export const uniqueId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
