import { proxyActivities } from '@temporalio/workflow';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type {
  RecordSupervisionInput,
  SupervisionActivities,
  SupervisionRecordView,
} from '../../libs/contracts/src/supervision/supervision';

const { recordSupervision, readSupervision } = proxyActivities<SupervisionActivities>({
  taskQueue: TaskQueue.Registration,
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

/**
 * An officer's supervision decision (R5.1), recorded by market regulation: a short workflow so the gateway reaches it
 * through Temporal, never its tables. Workflow id `supervision-record-<idempotency key>`: a repeat records nothing.
 */
export async function supervisionRecordWorkflow(input: RecordSupervisionInput): Promise<SupervisionRecordView> {
  return recordSupervision(input);
}

/** An enterprise's supervision record as market regulation holds it now. Workflow id `supervision-read-<uuid>`. */
export async function supervisionReadWorkflow(creditCode: string): Promise<SupervisionRecordView> {
  return readSupervision({ creditCode });
}
