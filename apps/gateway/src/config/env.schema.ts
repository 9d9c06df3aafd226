import { loadEnv, serviceEnvSchema, type ServiceEnv } from '@govflow/config';

export const gatewayEnvSchema = serviceEnvSchema({ port: 3000, database: 'gateway' });
export type GatewayConfig = ServiceEnv;

export const loadGatewayConfig = (env = process.env): GatewayConfig => loadEnv(gatewayEnvSchema, env);
