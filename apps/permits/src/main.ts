import 'reflect-metadata';
import { bootstrapService } from '@govflow/platform';
import { loadPermitsConfig } from './config/env.schema';
import { PermitsModule } from './permits.module';

void bootstrapService(
  'permits',
  () => loadPermitsConfig(),
  (config) => PermitsModule.register(config),
);
