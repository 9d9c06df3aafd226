import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { HealthRegistry } from '../health.registry';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../tokens';

/** What a service's worker runs: workflows (by path) and/or activities, on one task queue. */
export type WorkerSpec = Pick<
  WorkerOptions,
  'taskQueue' | 'workflowsPath' | 'activities' | 'maxConcurrentActivityTaskExecutions'
>;
export const WORKER_SPEC = Symbol('WORKER_SPEC');

const RETRY_MS = 2000;

/**
 * Runs a Temporal worker for the life of the service and retries until Temporal answers, so a service
 * started before the server reports itself unhealthy instead of crashing; `/health` shows the worker's state.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(WORKER_SPEC) private readonly spec: WorkerSpec,
    health: HealthRegistry,
  ) {
    health.register('worker', () => {
      const state = this.worker?.getState() ?? 'NOT_STARTED';
      if (state !== 'RUNNING') return Promise.reject(new Error(`worker is ${state}`));
      return Promise.resolve(`task queue ${spec.taskQueue}`);
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
          ...this.spec,
        });
        this.logger.log(`polling task queue ${this.spec.taskQueue}`);
        await this.worker.run();
        // run() returns only after a deliberate shutdown (ours, or the SDK's own on SIGTERM): do not restart.
        return;
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn(`worker stopped: ${(error as Error).message}; retrying in ${RETRY_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
