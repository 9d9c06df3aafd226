import { loadEnv, serviceEnvSchema, type ServiceEnv } from '@govflow/config';

export const scienceCommissionEnvSchema = serviceEnvSchema({ port: 3003, database: 'science_commission' });
export type ScienceCommissionConfig = ServiceEnv;

export const loadScienceCommissionConfig = (env = process.env): ScienceCommissionConfig =>
  loadEnv(scienceCommissionEnvSchema, env);
