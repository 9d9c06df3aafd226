import 'reflect-metadata';
import { bootstrapService } from '@govflow/platform';
import { loadTaxConfig } from './config/env.schema';
import { TaxModule } from './tax.module';

void bootstrapService(
  'tax',
  () => loadTaxConfig(),
  (config) => TaxModule.register(config),
);
