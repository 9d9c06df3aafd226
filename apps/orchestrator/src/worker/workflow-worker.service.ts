import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { TaskQueue } from '@govflow/contracts';
import { HealthRegistry, PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import { workflowsPath } from './workflows-path';

const RETRY_MS = 2000;

/** Runs every workflow in workflows/ on the orchestrator task queue; retries until Temporal answers. */
@Injectable()
export class WorkflowWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    health: HealthRegistry,
  ) {
    health.register('worker', () => {
      const state = this.worker?.getState() ?? 'NOT_STARTED';
      if (state !== 'RUNNING') return Promise.reject(new Error(`worker is ${state}`));
      return Promise.resolve(`task queue ${TaskQueue.Orchestrator}`);
    });
  }

  onApplicationBootstrap(): void {
    this.running = this.runUntilStopped();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }

  private async runUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        this.connection ??= await NativeConnection.connect({ address: this.options.temporalAddress });
        this.worker = await Worker.create({
          connection: this.connection,
          namespace: this.options.temporalNamespace,
          taskQueue: TaskQueue.Orchestrator,
          workflowsPath,
        });
        this.logger.log(`polling task queue ${TaskQueue.Orchestrator}`);
        await this.worker.run();
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn(`worker stopped: ${(error as Error).message}; retrying in ${RETRY_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
