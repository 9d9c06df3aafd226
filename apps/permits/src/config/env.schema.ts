import { loadEnv, serviceEnvSchema } from '@govflow/config';
import { z } from 'zod';

export const permitsEnvSchema = serviceEnvSchema({ port: 3005, database: 'permits' }).extend({
  /** Kafka consumer group (and inbox name) for registration.events; tests run with their own. */
  PERMITS_CONSUMER_GROUP: z.string().trim().min(1, 'must not be empty').default('permits'),
});
export type PermitsConfig = z.infer<typeof permitsEnvSchema>;

export const loadPermitsConfig = (env = process.env): PermitsConfig => loadEnv(permitsEnvSchema, env);
