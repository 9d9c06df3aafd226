import { proxyActivities } from '@temporalio/workflow';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type {
  RecordTaxClearanceInput,
  RecordTaxPendingMatterInput,
  TaxActivities,
  TaxRecordView,
} from '../../libs/contracts/src/tax/tax-clearance';

const { recordTaxPendingMatter, recordTaxClearance } = proxyActivities<TaxActivities>({
  taskQueue: TaskQueue.Tax,
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

/**
 * A tax officer's recorded decision on a taxpayer (R3.3): a short workflow so the gateway reaches the tax service
 * through Temporal, never its tables. Workflow ids `tax-pending-matter-<key>` and `tax-clearance-<key>`.
 */
export async function taxPendingMatterWorkflow(input: RecordTaxPendingMatterInput): Promise<TaxRecordView> {
  return recordTaxPendingMatter(input);
}

export async function taxClearanceWorkflow(input: RecordTaxClearanceInput): Promise<TaxRecordView> {
  return recordTaxClearance(input);
}
