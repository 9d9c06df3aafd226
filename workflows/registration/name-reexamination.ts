import { proxyActivities } from '@temporalio/workflow';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import { investmentLinkConfirmation, type NameCheckActivities } from '../../libs/contracts/src/registration/name-check';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { DecideRequest } from '../shared/human-task/definitions';
import type { Verdict } from '../shared/human-task/task-rules';

// An officer waits on the approval: a failing service should answer within seconds (they may try again).
const names = proxyActivities<NameCheckActivities>({
  taskQueue: TaskQueue.Registration,
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

/**
 * R1.3: passing the self-check is not final, the officer re-examines the name. An approval is refused while the
 * case's name is unavailable now (taken meanwhile, or a rule it breaks), and while it rests on a declared investment
 * link the officer has not confirmed.
 */
export const nameStillApprovable =
  (caseId: string) =>
  async ({ confirms = [] }: DecideRequest): Promise<Verdict> => {
    const [check] = await names.reexamineNames({ caseIds: [caseId] });
    if (!check) return refuse(WorkflowFailureType.NameUnavailable, `案件 ${caseId} 没有登记的名称`);
    if (!check.available) {
      const problems = check.problems.map((problem) => problem.message).join('；');
      return refuse(WorkflowFailureType.NameUnavailable, `名称“${check.fullName}”现已不可用，不能核准：${problems}`);
    }
    const link = check.investmentLinkToConfirm;
    if (link && !confirms.includes(investmentLinkConfirmation(link))) {
      const message =
        `名称“${check.fullName}”与投资关联企业 ${link} 的字号相同，核准前须确认投资关联关系` +
        `（confirms: ["${investmentLinkConfirmation(link)}"]）`;
      return refuse(WorkflowFailureType.ConfirmationRequired, message);
    }
    return { ok: true };
  };

const refuse = (failure: WorkflowFailureType, message: string): Verdict => ({ ok: false, failure, message });
