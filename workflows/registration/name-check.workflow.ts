import { proxyActivities } from '@temporalio/workflow';
import type {
  NameCheckActivities,
  NameCheckAnswer,
  NameCheckRequest,
  ReviewNameCheck,
} from '../../libs/contracts/src/registration/name-check';

const { checkName, reexamineNames } = proxyActivities<NameCheckActivities>({
  taskQueue: 'registration',
  startToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 3 },
});

/**
 * The portal's name self-check: a short workflow so the gateway asks market regulation through Temporal,
 * never by reading its tables. Workflow id `name-check-<uuid>`; nothing is reserved by checking.
 */
export async function nameCheckWorkflow(request: NameCheckRequest): Promise<NameCheckAnswer> {
  return checkName(request);
}

/**
 * The officers' view of their review tasks: each case's name re-examined against the register now (R1.3), one short
 * workflow for a whole inbox. Workflow id `review-name-checks-<uuid>`.
 */
export async function reviewNameChecksWorkflow(caseIds: string[]): Promise<ReviewNameCheck[]> {
  return caseIds.length === 0 ? [] : reexamineNames({ caseIds });
}
