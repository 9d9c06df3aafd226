import { type DynamicModule, Module } from '@nestjs/common';
import { TaskQueue } from '@govflow/contracts';
import { PlatformModule, platformOptions, TemporalWorkerModule } from '@govflow/platform';
import { CONSUMER_GROUP } from './config/consumer-group.token';
import type { OrchestratorConfig } from './config/env.schema';
import { DeliverTaxRecordOpenedService } from './tax-signals/deliver-tax-record-opened.service';
import { workflowsPath } from './worker/workflows-path';

@Module({})
export class OrchestratorModule {
  static register(config: OrchestratorConfig): DynamicModule {
    return {
      module: OrchestratorModule,
      imports: [
        PlatformModule.forRoot(platformOptions('orchestrator', config)),
        TemporalWorkerModule.register({ useFactory: () => ({ taskQueue: TaskQueue.Orchestrator, workflowsPath }) }),
      ],
      providers: [
        { provide: CONSUMER_GROUP, useValue: config.ORCHESTRATOR_CONSUMER_GROUP },
        DeliverTaxRecordOpenedService,
      ],
    };
  }
}
