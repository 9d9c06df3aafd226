import { z } from 'zod';
import { databaseUrl, platformFields, port } from './fields';

/** The environment of a service that owns a database: its port, its database and the platform servers. */
export const serviceEnvSchema = (defaults: { port: number; database: string }) =>
  z.object({ PORT: port(defaults.port), DATABASE_URL: databaseUrl(defaults.database), ...platformFields });

export type ServiceEnv = z.infer<ReturnType<typeof serviceEnvSchema>>;
