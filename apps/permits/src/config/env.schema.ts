import { loadEnv, serviceEnvSchema } from '@govflow/config';
import type { z } from 'zod';

export const permitsEnvSchema = serviceEnvSchema({ port: 3005, database: 'permits' });
export type PermitsConfig = z.infer<typeof permitsEnvSchema>;

export const loadPermitsConfig = (env = process.env): PermitsConfig => loadEnv(permitsEnvSchema, env);
