import type { PoolClient } from 'pg';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';
import { TASK_EVENT_TYPES, taskEventRecord, type TaskEventRecordData } from './task-event-record';

/**
 * One row per human task, from the task events of every service. Events of one task may come out of order when they
 * travel on two topics (task events are moving from registration.events to tasks.events), so each change is guarded:
 * the assignee by sequence, escalation and decision only ever set, the opening facts whenever they arrive.
 */
export class TaskInboxProjection implements Projection {
  readonly name = 'gateway-task-inbox';
  readonly table = 'task_inbox';

  async createTable(db: PoolClient, table: string): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
      task_id text PRIMARY KEY,
      case_id text NOT NULL,
      kind text NOT NULL,
      workflow_id text NOT NULL,
      candidate_role text,
      candidate_department text,
      escalate_to_department text,
      due_at timestamptz,
      escalated boolean NOT NULL DEFAULT false,
      assignee_id text,
      assigned_at_sequence integer NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'open',
      outcome text,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // Why the officer decided so: the registrant is shown the reason of a request for information (补正).
    await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS reason text`);
    await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS decided_at timestamptz`);
    // Officers of several roles share a department (registration, permits, inspection): an escalation names its role.
    await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS escalate_to_role text`);
    // The real deadline came with the working-day calendar; tables made before it gain the columns here.
    await db.query(`ALTER TABLE ${table}
      ADD COLUMN IF NOT EXISTS legal_due_at timestamptz,
      ADD COLUMN IF NOT EXISTS due_at_calendar text,
      ADD COLUMN IF NOT EXISTS time_scale integer,
      ADD COLUMN IF NOT EXISTS calendar_provisional boolean,
      ADD COLUMN IF NOT EXISTS calendar_basis text`);
    await db.query(
      `CREATE INDEX IF NOT EXISTS ${table}_department_idx ON ${table} (candidate_department, status, due_at)`,
    );
  }

  async apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (!TASK_EVENT_TYPES.has(event.type)) continue;
      await this.applyRecord(db, table, taskEventRecord.parse(event.data));
    }
  }

  private async applyRecord(db: PoolClient, table: string, record: TaskEventRecordData): Promise<void> {
    const { taskId, caseId, kind, workflow } = record;
    await db.query(
      `INSERT INTO ${table} (task_id, case_id, kind, workflow_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [taskId, caseId, kind, workflow.workflowId],
    );
    const change = taskRowChange(record.event);
    if (!change) return;
    const columns = Object.keys(change.columns);
    const set = columns.map((column, i) => `${column} = $${i + 2}`).join(', ');
    const guard = change.laterSequenceOnly
      ? `assigned_at_sequence < $${columns.indexOf('assigned_at_sequence') + 2}`
      : 'true';
    await db.query(`UPDATE ${table} SET ${set}, updated_at = now() WHERE task_id = $1 AND ${guard}`, [
      taskId,
      ...Object.values(change.columns),
    ]);
  }
}

/** A row of task_inbox as the projection writes it (updated_at aside). */
export interface TaskInboxRow {
  task_id: string;
  case_id: string;
  kind: string;
  workflow_id: string;
  candidate_role: string | null;
  candidate_department: string | null;
  escalate_to_department: string | null;
  escalate_to_role: string | null;
  due_at: string | null;
  legal_due_at: string | null;
  due_at_calendar: string | null;
  time_scale: number | null;
  calendar_provisional: boolean | null;
  calendar_basis: string | null;
  escalated: boolean;
  assignee_id: string | null;
  assigned_at_sequence: number;
  status: string;
  outcome: string | null;
  reason: string | null;
  decided_at: string | null;
}

/** What one task event sets in the task's row; an assignment only when it is later than the last one applied. */
export interface TaskRowChange {
  columns: Partial<TaskInboxRow>;
  laterSequenceOnly: boolean;
}

const assign = (assigneeId: string | null, sequence: number): TaskRowChange => ({
  columns: { assignee_id: assigneeId, assigned_at_sequence: sequence },
  laterSequenceOnly: true,
});
const always = (columns: Partial<TaskInboxRow>): TaskRowChange => ({ columns, laterSequenceOnly: false });

export function taskRowChange(event: TaskEventRecordData['event']): TaskRowChange | undefined {
  switch (event.type) {
    case 'opened': {
      const { role, department } = event.candidateGroup;
      const { dueAt, legalDueAt = null, dueAtCalendar = null, timeScale = null } = event;
      const { provisional = false, calendarBasis = null } = event;
      return always({
        candidate_role: role,
        candidate_department: department,
        due_at: dueAt,
        legal_due_at: legalDueAt,
        due_at_calendar: dueAtCalendar,
        time_scale: timeScale,
        calendar_provisional: provisional,
        calendar_basis: calendarBasis,
      });
    }
    case 'lapsed':
      return always({ status: 'lapsed', reason: event.reason, decided_at: event.at });
    case 'escalated':
      return always({
        escalated: true,
        escalate_to_department: event.escalateTo?.department ?? null,
        escalate_to_role: event.escalateTo?.role ?? null,
      });
    case 'claimed':
      return assign(event.actor.id, event.sequence);
    case 'unclaimed':
      return assign(null, event.sequence);
    case 'reassigned':
      return assign(event.to.id, event.sequence);
    case 'decided':
      return always({ status: 'decided', outcome: event.outcome, reason: event.reason ?? null, decided_at: event.at });
    case 'refused':
      return undefined;
  }
}

/** The task's row after one more of its events, as the projection's INSERT and UPDATE leave it. */
export function taskInboxRowAfter(row: TaskInboxRow | undefined, record: TaskEventRecordData): TaskInboxRow {
  const current = row ?? {
    task_id: record.taskId,
    case_id: record.caseId,
    kind: record.kind,
    workflow_id: record.workflow.workflowId,
    candidate_role: null,
    candidate_department: null,
    escalate_to_department: null,
    escalate_to_role: null,
    due_at: null,
    legal_due_at: null,
    due_at_calendar: null,
    time_scale: null,
    calendar_provisional: null,
    calendar_basis: null,
    escalated: false,
    assignee_id: null,
    assigned_at_sequence: 0,
    status: 'open',
    outcome: null,
    reason: null,
    decided_at: null,
  };
  const change = taskRowChange(record.event);
  if (!change) return current;
  if (change.laterSequenceOnly && current.assigned_at_sequence >= (change.columns.assigned_at_sequence ?? 0)) {
    return current;
  }
  return { ...current, ...change.columns };
}
