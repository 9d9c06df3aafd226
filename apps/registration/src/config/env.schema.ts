import { loadEnv, serviceEnvSchema, type ServiceEnv } from '@govflow/config';

export const registrationEnvSchema = serviceEnvSchema({ port: 3001, database: 'registration' });
export type RegistrationConfig = ServiceEnv;

export const loadRegistrationConfig = (env = process.env): RegistrationConfig => loadEnv(registrationEnvSchema, env);
