import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { Department, TaskStatus } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';
import { TaskInboxProjection } from './task-inbox.projection';

export interface InboxTask {
  taskId: string;
  caseId: string;
  kind: string;
  workflowId: string;
  assignee: string | null;
  dueAt: string;
  legalDueAt: string | null;
  dueAtCalendar: string | null;
  timeScale: number | null;
  provisional: boolean;
  calendarBasis: string | null;
  escalated: boolean;
  status: TaskStatus;
}

interface Row {
  task_id: string;
  case_id: string;
  kind: string;
  workflow_id: string;
  assignee_id: string | null;
  due_at: Date | null;
  legal_due_at: Date | null;
  due_at_calendar: string | null;
  time_scale: number | null;
  calendar_provisional: boolean | null;
  calendar_basis: string | null;
  escalated: boolean;
  status: TaskStatus;
}

const toTask = (row: Row): InboxTask => ({
  taskId: row.task_id,
  caseId: row.case_id,
  kind: row.kind,
  workflowId: row.workflow_id,
  assignee: row.assignee_id,
  dueAt: row.due_at?.toISOString() ?? '',
  legalDueAt: row.legal_due_at?.toISOString() ?? null,
  dueAtCalendar: row.due_at_calendar,
  timeScale: row.time_scale,
  provisional: row.calendar_provisional ?? false,
  calendarBasis: row.calendar_basis,
  escalated: row.escalated,
  status: row.status,
});

const { table } = new TaskInboxProjection();

/** Reads the task inbox read model (see TaskInboxProjection). */
@Injectable()
export class TaskInboxStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The groups (role and department) who may act on the task: its candidate group, and the one it escalated to. */
  async groupsOf(taskId: string): Promise<{ role: string; department: string }[]> {
    const { rows } = await this.pool.query<{ role: string | null; department: string | null }>(
      `SELECT candidate_role AS role, candidate_department AS department FROM ${table} WHERE task_id = $1
       UNION ALL
       SELECT escalate_to_role, escalate_to_department FROM ${table} WHERE task_id = $1 AND escalated`,
      [taskId],
    );
    return rows.filter((row): row is { role: string; department: string } => !!row.role && !!row.department);
  }

  /** A department's tasks (for `role`, when given), and those escalated to it, soonest due first; opened ones only. */
  async forDepartment(department: Department, status: TaskStatus | 'all', role?: string): Promise<InboxTask[]> {
    // Market regulation's registration officers, food-permit officers and inspectors share a department: each sees the
    // tasks of their own role, and those escalated to it.
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM ${table}
       WHERE due_at IS NOT NULL
         AND ((candidate_department = $1 AND ($3::text IS NULL OR candidate_role = $3))
              OR (escalated AND escalate_to_department = $1
                  AND ($3::text IS NULL OR escalate_to_role IS NULL OR escalate_to_role = $3)))
         AND ($2 = 'all' OR status = $2)
       ORDER BY due_at, task_id`,
      [department, status, role ?? null],
    );
    return rows.map(toTask);
  }

  async find(taskId: string): Promise<InboxTask | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM ${table} WHERE task_id = $1 AND due_at IS NOT NULL`, [
      taskId,
    ]);
    return rows[0] && toTask(rows[0]);
  }

  /** The officer's latest request for information on a case (补正), with its reason, once decided. */
  async latestInformationRequest(
    caseId: string,
  ): Promise<{ taskId: string; reason: string; requestedAt: string } | undefined> {
    const { rows } = await this.pool.query<{ task_id: string; reason: string | null; decided_at: Date | null }>(
      `SELECT task_id, reason, decided_at FROM ${table}
       WHERE case_id = $1 AND outcome = 'request-info' ORDER BY decided_at DESC NULLS LAST, task_id DESC LIMIT 1`,
      [caseId],
    );
    const row = rows[0];
    return row && { taskId: row.task_id, reason: row.reason ?? '', requestedAt: row.decided_at?.toISOString() ?? '' };
  }
}
