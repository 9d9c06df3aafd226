import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { migrateUnderLock, PG_POOL } from '@govflow/platform';

export interface ArchivedWorkflow {
  workflowId: string;
  runId: string;
  type: string;
  caseId: string | null;
  status: string;
  startedAt: string;
  closedAt: string;
  eventCount: number;
}

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS workflow_histories (
     workflow_id text NOT NULL,
     run_id text NOT NULL,
     workflow_type text NOT NULL,
     case_id text,
     status text NOT NULL,
     started_at timestamptz NOT NULL,
     closed_at timestamptz NOT NULL,
     event_count integer NOT NULL,
     history jsonb NOT NULL,
     archived_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (workflow_id, run_id)
   )`,
  'CREATE INDEX IF NOT EXISTS workflow_histories_case_idx ON workflow_histories (case_id, started_at)',
  'CREATE INDEX IF NOT EXISTS workflow_histories_closed_idx ON workflow_histories (closed_at)',
];

interface Row {
  workflow_id: string;
  run_id: string;
  workflow_type: string;
  case_id: string | null;
  status: string;
  started_at: Date;
  closed_at: Date;
  event_count: number;
}

/** Closed workflows' full Temporal histories, kept here before Temporal's retention deletes them. */
@Injectable()
export class WorkflowArchiveStore implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateUnderLock(this.pool, 'gateway.workflow_histories.migration', STATEMENTS);
  }

  async save(entry: ArchivedWorkflow, history: unknown): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO workflow_histories
         (workflow_id, run_id, workflow_type, case_id, status, started_at, closed_at, event_count, history)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [
        entry.workflowId,
        entry.runId,
        entry.type,
        entry.caseId,
        entry.status,
        entry.startedAt,
        entry.closedAt,
        entry.eventCount,
        JSON.stringify(history),
      ],
    );
    return rowCount === 1;
  }

  async has(workflowId: string, runId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM workflow_histories WHERE workflow_id = $1 AND run_id = $2',
      [workflowId, runId],
    );
    return rowCount === 1;
  }

  async ofCase(caseId: string): Promise<ArchivedWorkflow[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT workflow_id, run_id, workflow_type, case_id, status, started_at, closed_at, event_count
       FROM workflow_histories WHERE case_id = $1 ORDER BY started_at, workflow_id`,
      [caseId],
    );
    return rows.map((r) => ({
      workflowId: r.workflow_id,
      runId: r.run_id,
      type: r.workflow_type,
      caseId: r.case_id,
      status: r.status,
      startedAt: r.started_at.toISOString(),
      closedAt: r.closed_at.toISOString(),
      eventCount: r.event_count,
    }));
  }
}
