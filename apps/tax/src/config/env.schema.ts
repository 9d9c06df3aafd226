import { z } from 'zod';
import { loadEnv, serviceEnvSchema } from '@govflow/config';

export const taxEnvSchema = serviceEnvSchema({ port: 3002, database: 'tax' }).extend({
  /** Kafka consumer group for registration.events; tests run with their own. */
  TAX_CONSUMER_GROUP: z.string().trim().min(1, 'must not be empty').default('tax'),
  /** How often tax looks for deregistration notices whose objection is due (R3.3). */
  TAX_OBJECTION_SWEEP_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
});
export type TaxConfig = z.infer<typeof taxEnvSchema>;

export const loadTaxConfig = (env = process.env): TaxConfig => loadEnv(taxEnvSchema, env);
