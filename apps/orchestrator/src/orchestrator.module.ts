import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, platformOptions } from '@govflow/platform';
import type { OrchestratorConfig } from './config/env.schema';
import { WorkflowWorkerService } from './worker/workflow-worker.service';

@Module({})
export class OrchestratorModule {
  static register(config: OrchestratorConfig): DynamicModule {
    return {
      module: OrchestratorModule,
      imports: [PlatformModule.forRoot(platformOptions('orchestrator', config))],
      providers: [WorkflowWorkerService],
    };
  }
}
