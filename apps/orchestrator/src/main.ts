import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { bootstrapService } from '@govflow/platform';
import { loadOrchestratorConfig } from './config/env.schema';
import { OrchestratorModule } from './orchestrator.module';

// The SDK logs every worker state change at INFO; warnings and errors are what an operator needs.
Runtime.install({ logger: new DefaultLogger('WARN') });

void bootstrapService(
  'orchestrator',
  () => loadOrchestratorConfig(),
  (config) => OrchestratorModule.register(config),
);
