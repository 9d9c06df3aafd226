import { proxyActivities } from '@temporalio/workflow';
import type {
  NameCheckActivities,
  NameCheckAnswer,
  NameCheckRequest,
} from '../../libs/contracts/src/registration/name-check';

const { checkName } = proxyActivities<NameCheckActivities>({
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
