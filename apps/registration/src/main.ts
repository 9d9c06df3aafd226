import 'reflect-metadata';
import { bootstrapService } from '@govflow/platform';
import { loadRegistrationConfig } from './config/env.schema';
import { RegistrationModule } from './registration.module';

void bootstrapService(
  'registration',
  () => loadRegistrationConfig(),
  (config) => RegistrationModule.register(config),
);
