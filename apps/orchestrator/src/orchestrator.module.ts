import { type DynamicModule, Module } from '@nestjs/common';
import { TaskQueue } from '@govflow/contracts';
import { PlatformModule, platformOptions, TemporalWorkerModule } from '@govflow/platform';
import { deadlineActivities } from '@govflow/policy';
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
        // Workflows ask for deadlines as local activities, so this worker also runs the policy's resolver.
        TemporalWorkerModule.register({
          useFactory: () => ({ taskQueue: TaskQueue.Orchestrator, workflowsPath, activities: deadlineActivities }),
        }),
      ],
      providers: [
        { provide: CONSUMER_GROUP, useValue: config.ORCHESTRATOR_CONSUMER_GROUP },
        DeliverTaxRecordOpenedService,
      ],
    };
  }
}
