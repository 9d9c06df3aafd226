import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CaseSearchAttribute } from '@govflow/contracts';
import { TEMPORAL_CLIENT } from '../../temporal/temporal-client.token';
import { WorkflowArchiveStore } from './workflow-archive.store';

export const WORKFLOW_ARCHIVE_INTERVAL_MS = Symbol('WORKFLOW_ARCHIVE_INTERVAL_MS');

const PER_PASS = 200;

/**
 * Copies each closed workflow's full history into PostgreSQL (workflow_histories), so it outlives Temporal's
 * retention. Each pass lists closed runs not archived yet (newest first, at most PER_PASS); inserts are
 * idempotent, so replicas may run it side by side.
 */
@Injectable()
export class WorkflowArchiver implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkflowArchiver.name);
  private timer?: NodeJS.Timeout;
  private pass?: Promise<number>;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly store: WorkflowArchiveStore,
    @Inject(WORKFLOW_ARCHIVE_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.pass) return;
      this.pass = this.archiveClosed()
        .catch((error: unknown) => {
          this.logger.warn(`archive pass failed, retrying next time: ${String(error)}`);
          return 0;
        })
        .finally(() => (this.pass = undefined));
    }, this.intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass; answers how many histories it archived. */
  async archiveClosed(): Promise<number> {
    let archived = 0;
    let seen = 0;
    for await (const info of this.client.workflow.list({ query: 'ExecutionStatus != "Running"' })) {
      if (++seen > PER_PASS * 5 || archived >= PER_PASS) break;
      if (!info.closeTime || (await this.store.has(info.workflowId, info.runId))) continue;
      const history = await this.client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
      const { History } = temporal.api.history.v1;
      const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
      const caseId = info.typedSearchAttributes.get(CaseSearchAttribute.CaseId) ?? null;
      const saved = await this.store.save(
        {
          workflowId: info.workflowId,
          runId: info.runId,
          type: info.type,
          caseId,
          status: info.status.name,
          startedAt: info.startTime.toISOString(),
          closedAt: info.closeTime.toISOString(),
          eventCount: history.events?.length ?? 0,
        },
        json,
      );
      if (saved) archived += 1;
    }
    return archived;
  }
}
