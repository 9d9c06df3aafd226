import type { RecordedEvent } from '@govflow/messaging';
import { directoryRowAfter, directoryRowChange } from '../../permits/read-models/enterprise-directory.projection';
import { permitRowAfter, permitRowChange } from '../../permits/read-models/enterprise-permits.projection';
import type { ReadModelName } from '../../read-models/read-model-feeds';
import {
  scienceRecordPatchOf,
  scienceRecordRowAfter,
  type ScienceRecordRow,
} from '../../science/record/science-record.projection';
import { taxRecordPatchOf, taxRecordRowAfter } from '../../tax-records/read-model/tax-record.projection';
import { taskEventRecord } from '../../tasks/task-inbox/task-event-record';
import { TASK_EVENT_TYPES } from '../../tasks/task-inbox/task-event-record';
import { taskInboxRowAfter, type TaskInboxRow } from '../../tasks/task-inbox/task-inbox.projection';
import type { AuditedEventWithData } from '../audit-trail/audit-trail.store';

/** A row one of the gateway's read models would have held, keyed as in its table. */
export interface ReadModelRow {
  readModel: Exclude<ReadModelName, 'audit-trail'>;
  table: string;
  key: string;
  row: Record<string, unknown>;
}

type Rows = Map<string, ReadModelRow>;

/** The event as the projections receive it from Kafka, rebuilt from the audit trail's row. */
const asRecorded = (
  event: AuditedEventWithData,
  caseId: string,
): Pick<RecordedEvent, 'type' | 'data' | 'occurredAt' | 'metadata'> => ({
  type: event.type,
  data: event.data ?? {},
  occurredAt: new Date(event.occurredAt),
  metadata: {
    actor: {
      id: event.actor.id,
      role: event.actor.role,
      ...(event.actor.department && { department: event.actor.department }),
    },
    ...(event.reason !== null && { reason: event.reason }),
    correlationId: caseId,
    causationId: event.causationId ?? event.eventId,
  },
});

function put(rows: Rows, readModel: ReadModelRow['readModel'], table: string, key: string, row: object | undefined) {
  if (row) rows.set(`${readModel}/${key}`, { readModel, table, key, row: { ...row } });
}

const rowOf = <T>(rows: Rows, readModel: string, key: string) => rows.get(`${readModel}/${key}`)?.row as T | undefined;

/**
 * The read-model rows after one more event, folded with the projections' own row functions, each projection fed
 * only the topic its consumer reads (see read-model-feeds). Events without data change no row.
 */
export function readModelRowsAfter(rows: Rows, event: AuditedEventWithData, caseId: string): Rows {
  if (!event.data) return rows;
  const recorded = asRecorded(event, caseId);
  if (event.service === 'tasks' && TASK_EVENT_TYPES.has(event.type)) {
    const parsed = taskEventRecord.safeParse(event.data);
    if (parsed.success) {
      const key = parsed.data.taskId;
      put(
        rows,
        'task-inbox',
        'task_inbox',
        key,
        taskInboxRowAfter(rowOf<TaskInboxRow>(rows, 'task-inbox', key), parsed.data),
      );
    }
  }
  if (event.service === 'registration') {
    const change = directoryRowChange(recorded);
    const key = change?.kind === 'insert' ? change.row.credit_code : change?.creditCode;
    if (change && key)
      put(
        rows,
        'enterprise-directory',
        'enterprise_directory',
        key,
        directoryRowAfter(rowOf(rows, 'enterprise-directory', key), change),
      );
  }
  if (event.service === 'permits') {
    const change = permitRowChange(recorded);
    const key = change?.kind === 'insert' ? change.row.permit_case_id : change?.columns.permit_case_id;
    if (change && key)
      put(
        rows,
        'enterprise-permits',
        'enterprise_permits',
        key,
        permitRowAfter(rowOf(rows, 'enterprise-permits', key), change),
      );
  }
  if (event.service === 'science-commission') {
    const patch = scienceRecordPatchOf(recorded);
    if (patch) {
      const previous = rowOf<ScienceRecordRow>(rows, 'science-record', patch.entryId);
      put(rows, 'science-record', 'science_record', patch.entryId, scienceRecordRowAfter(previous, patch, recorded));
    }
  }
  if (event.service === 'tax') {
    const patch = taxRecordPatchOf(recorded);
    if (patch) {
      const key = `${patch.creditCode}/${patch.entryId}`;
      put(rows, 'tax-record', 'tax_record', key, taxRecordRowAfter(rowOf(rows, 'tax-record', key), patch));
    }
  }
  return rows;
}
