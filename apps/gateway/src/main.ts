import 'reflect-metadata';
import { bootstrapService } from '@govflow/platform';
import { loadGatewayConfig } from './config/env.schema';
import { configureGateway } from './configure-gateway';
import { GatewayModule } from './gateway.module';

void bootstrapService(
  'gateway',
  () => loadGatewayConfig(),
  (config) => GatewayModule.register(config),
  configureGateway,
);
