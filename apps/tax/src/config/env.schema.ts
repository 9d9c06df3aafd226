import { loadEnv, serviceEnvSchema, type ServiceEnv } from '@govflow/config';

export const taxEnvSchema = serviceEnvSchema({ port: 3002, database: 'tax' });
export type TaxConfig = ServiceEnv;

export const loadTaxConfig = (env = process.env): TaxConfig => loadEnv(taxEnvSchema, env);
