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
    const { taskId, caseId, kind, workflow, event } = record;
    await db.query(
      `INSERT INTO ${table} (task_id, case_id, kind, workflow_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [taskId, caseId, kind, workflow.workflowId],
    );
    const change = changeFor(event);
    if (!change) return;
    await db.query(`UPDATE ${table} SET ${change.set}, updated_at = now() WHERE task_id = $1 AND ${change.guard}`, [
      taskId,
      ...change.values,
    ]);
  }
}

interface RowChange {
  /** Assignments to the row's columns; parameters from $2. */
  set: string;
  values: unknown[];
  guard: string;
}

const assign = (assigneeId: string | null, sequence: number): RowChange => ({
  set: 'assignee_id = $2, assigned_at_sequence = $3',
  values: [assigneeId, sequence],
  guard: 'assigned_at_sequence < $3',
});

function changeFor(event: TaskEventRecordData['event']): RowChange | undefined {
  switch (event.type) {
    case 'opened': {
      const { role, department } = event.candidateGroup;
      const set =
        'candidate_role = $2, candidate_department = $3, due_at = $4, legal_due_at = $5, due_at_calendar = $6, ' +
        'time_scale = $7, calendar_provisional = $8, calendar_basis = $9';
      const { dueAt, legalDueAt = null, dueAtCalendar = null, timeScale = null } = event;
      const { provisional = false, calendarBasis = null } = event;
      const values = [role, department, dueAt, legalDueAt, dueAtCalendar, timeScale, provisional, calendarBasis];
      return { set, values, guard: 'true' };
    }
    case 'lapsed':
      return {
        set: `status = 'lapsed', reason = $2, decided_at = $3`,
        values: [event.reason, event.at],
        guard: 'true',
      };
    case 'escalated': {
      const set = 'escalated = true, escalate_to_department = $2, escalate_to_role = $3';
      return { set, values: [event.escalateTo?.department ?? null, event.escalateTo?.role ?? null], guard: 'true' };
    }
    case 'claimed':
      return assign(event.actor.id, event.sequence);
    case 'unclaimed':
      return assign(null, event.sequence);
    case 'reassigned':
      return assign(event.to.id, event.sequence);
    case 'decided':
      return {
        set: `status = 'decided', outcome = $2, reason = $3, decided_at = $4`,
        values: [event.outcome, event.reason ?? null, event.at],
        guard: 'true',
      };
    case 'refused':
      return undefined;
  }
}
