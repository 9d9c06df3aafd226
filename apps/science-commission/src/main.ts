import 'reflect-metadata';
import { bootstrapService } from '@govflow/platform';
import { loadScienceCommissionConfig } from './config/env.schema';
import { ScienceCommissionModule } from './science-commission.module';

void bootstrapService(
  'science-commission',
  () => loadScienceCommissionConfig(),
  (config) => ScienceCommissionModule.register(config),
);
