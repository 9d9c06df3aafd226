import { z } from 'zod';
import { loadEnv, platformFields, port } from '@govflow/config';

export const orchestratorEnvSchema = z.object({ PORT: port(3004), ...platformFields });
export type OrchestratorConfig = z.infer<typeof orchestratorEnvSchema>;

export const loadOrchestratorConfig = (env = process.env): OrchestratorConfig => loadEnv(orchestratorEnvSchema, env);
