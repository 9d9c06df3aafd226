import { z } from 'zod';
import { loadEnv, platformFields, port } from '@govflow/config';

export const orchestratorEnvSchema = z.object({
  PORT: port(3004),
  /** Kafka consumer group for events that waiting workflows need; tests run with their own. */
  ORCHESTRATOR_CONSUMER_GROUP: z.string().min(1, 'must not be empty').default('orchestrator'),
  ...platformFields,
});
export type OrchestratorConfig = z.infer<typeof orchestratorEnvSchema>;

export const loadOrchestratorConfig = (env = process.env): OrchestratorConfig => loadEnv(orchestratorEnvSchema, env);
