import { z } from 'zod';
import { loadEnv, serviceEnvSchema } from '@govflow/config';

export const taxEnvSchema = serviceEnvSchema({ port: 3002, database: 'tax' }).extend({
  /** Kafka consumer group for registration.events; tests run with their own. */
  TAX_CONSUMER_GROUP: z.string().trim().min(1, 'must not be empty').default('tax'),
});
export type TaxConfig = z.infer<typeof taxEnvSchema>;

export const loadTaxConfig = (env = process.env): TaxConfig => loadEnv(taxEnvSchema, env);
