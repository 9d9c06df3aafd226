import { proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import type { Actor } from '../../libs/contracts/src/actors';
import type { GrantActivities, GrantFact } from '../../libs/contracts/src/science/grant-activities';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { computeClawback } from '../../libs/policy/src/maker-space/clawback-policy';
import { caseClock } from '../shared/case-clock';
import { acceptTaskRequests, currentTaskState, openTask } from '../shared/human-task';
import {
  type ClawbackInput,
  type ClawbackStatus,
  type ClawbackStatusName,
  clawbackStatusQuery,
} from './clawback.definitions';

const science = proxyActivities<GrantActivities>({
  taskQueue: TaskQueue.ScienceCommission,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const finance = { role: 'finance-officer', department: 'finance' } as const;
const referral: Actor = { id: 'science-commission-service', role: 'science-officer', department: 'science-commission' };

/**
 * Clawback of a paid grant (收回财政资金, R4.4): the fine rate must fall in its ground's range under the policy the
 * clawback was opened with; the amount due (grant + fine) is computed here; a finance officer other than the one who
 * opened it confirms the recovery; the case is then referred (CaseReferred). Facts go on the grant's own stream.
 */
export async function grantClawbackWorkflow(input: ClawbackInput): Promise<ClawbackStatus> {
  const { clawbackId, grantCaseId, ground, rateBasisPoints, grantFen, openedBy, policy } = input;
  const clock = caseClock(input.timeScale);
  const status: ClawbackStatus = {
    clawbackId,
    grantCaseId,
    status: 'awaiting-confirmation',
    ground,
    rateBasisPoints,
    grantFen,
    openedBy,
    policyVersion: policy.version,
  };
  const moveTo = (next: ClawbackStatusName) => {
    status.status = next;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: next }]);
  };
  setHandler(clawbackStatusQuery, () => ({ ...status, ...(currentTaskState() && { openTask: currentTaskState() }) }));
  acceptTaskRequests();
  const record = (sequence: number, type: GrantFact['type'], actor: Actor, reason: string, data: object) =>
    science.recordGrantFact({
      idempotencyKey: `${clawbackId}:fact:${sequence}`,
      caseId: grantCaseId,
      type,
      actor,
      reason,
      at: new Date().toISOString(),
      data: { clawbackId, ...data },
    });

  const computed = computeClawback(policy.value, ground, grantFen, rateBasisPoints);
  if (!computed.ok) {
    status.refusal = { type: WorkflowFailureType.RateOutOfRange, message: computed.message };
    moveTo('refused');
    return status;
  }
  const { fineFen, dueFen } = computed;
  Object.assign(status, { fineFen, dueFen });
  const amounts = { ground, rateBasisPoints, grantFen, fineFen, dueFen, policyVersion: policy.version };
  await record(1, 'GrantClawbackOpened', openedBy, input.reason, amounts);

  const due = await clock.deadline(input.confirmationPeriod, clock.legalNow());
  status.confirmation = { due };
  moveTo('awaiting-confirmation');
  const decided = await openTask({
    taskId: `${clawbackId}:clawback-confirmation`,
    kind: 'clawback-confirmation',
    caseId: grantCaseId,
    candidateGroup: finance,
    due,
    applicantId: input.creditCode,
    priorApprovers: [openedBy.id],
    recordOn: TaskQueue.ScienceCommission,
  });
  status.confirmation = { due, decidedBy: decided.decidedBy, decidedAt: decided.decidedAt, reason: decided.reason };
  if (decided.outcome !== 'approve') {
    await record(2, 'GrantClawbackConfirmed', decided.decidedBy, decided.reason ?? '', { confirmed: false });
    moveTo('not-confirmed');
    return status;
  }
  await record(2, 'GrantClawbackConfirmed', decided.decidedBy, decided.reason ?? '确认收回', {
    confirmed: true,
    dueFen,
  });
  const referredAt = new Date().toISOString();
  await record(3, 'CaseReferred', referral, input.reason, {
    creditCode: input.creditCode,
    enterpriseName: input.enterpriseName,
    ground,
    dueFen,
    referredAt,
  });
  status.referredAt = referredAt;
  moveTo('confirmed');
  return status;
}
