import { z } from 'zod';
import { loadEnv, serviceEnvSchema } from '@govflow/config';

export const scienceCommissionEnvSchema = serviceEnvSchema({ port: 3003, database: 'science_commission' }).extend({
  /** Kafka consumer group (and inbox name) for registration.events; tests run with their own. */
  SCIENCE_CONSUMER_GROUP: z.string().trim().min(1, 'must not be empty').default('science-commission'),
});
export type ScienceCommissionConfig = z.infer<typeof scienceCommissionEnvSchema>;

export const loadScienceCommissionConfig = (env = process.env): ScienceCommissionConfig =>
  loadEnv(scienceCommissionEnvSchema, env);
