import type { ApplicationFailure } from '@temporalio/common';
import {
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import type { MakerSpaceActivities } from '../../libs/contracts/src/science/grant-activities';
import { GrantRefusalType } from '../../libs/contracts/src/science/grant-activities';
import { CaseKind, CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { failedCriteria } from '../../libs/policy/src/maker-space/maker-space-criteria';
import { firstDayOfNextChinaMonth } from '../../libs/policy/src/maker-space/tax-exemption';
import { caseClock } from '../shared/case-clock';
import { grantWorkflow } from '../grant/grant.workflow';
import { acceptTaskRequests, currentTaskState, openTask } from '../shared/human-task';
import {
  grantWorkflowId,
  type MakerSpaceRecognitionInput,
  type MakerSpaceStatus,
  type MakerSpaceStatusName,
  makerSpaceStatusQuery,
} from './definitions';

const science = proxyActivities<MakerSpaceActivities>({
  taskQueue: TaskQueue.ScienceCommission,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const officers = { role: 'science-officer', department: 'science-commission' } as const;
const now = () => new Date().toISOString();

/**
 * Maker-space recognition (R4.1): a live registered enterprise applies at a level with its figures; the criteria of the
 * policy it filed under are checked and every failing one listed; a science-commission officer reviews (approval is
 * refused while a criterion fails). Recognised → MakerSpaceRecognized (tax starts the exemption from it) and the level's
 * one-off grant starts through the grant pipeline as a case of its own.
 */
export async function makerSpaceRecognitionWorkflow(input: MakerSpaceRecognitionInput): Promise<MakerSpaceStatus> {
  const { caseId, applicant, creditCode, level, figures, criteria, timeScale } = input;
  const clock = caseClock(timeScale);
  const failing = failedCriteria(criteria.value, level, figures);
  const status: MakerSpaceStatus = {
    caseId,
    applicantId: applicant.id,
    status: 'applied',
    creditCode,
    level,
    figures,
    criteriaVersion: criteria.version,
    failedCriteria: failing,
  };
  const moveTo = (next: MakerSpaceStatusName) => {
    status.status = next;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: next }]);
  };
  let factSequence = 0;
  const record = (
    type: Parameters<MakerSpaceActivities['recordMakerSpaceFact']>[0]['type'],
    actor: MakerSpaceRecognitionInput['applicant'],
    reason: string,
    data: Record<string, unknown>,
  ) =>
    science.recordMakerSpaceFact({
      idempotencyKey: `${caseId}:fact:${++factSequence}`,
      caseId,
      type,
      actor,
      reason,
      at: now(),
      data,
    });
  setHandler(makerSpaceStatusQuery, () => ({ ...status, ...(currentTaskState() && { openTask: currentTaskState() }) }));
  acceptTaskRequests();

  try {
    status.enterpriseName = (
      await science.checkMakerSpaceApplicant({ creditCode, applicantId: applicant.id })
    ).enterpriseName;
  } catch (error) {
    const cause = (error as { cause?: ApplicationFailure }).cause;
    const refusals: (string | undefined)[] = [GrantRefusalType.NotALiveEnterprise, GrantRefusalType.NotEnterpriseOwner];
    if (!cause?.type || !refusals.includes(cause.type)) throw error;
    status.refusal = { type: cause.type, message: cause.message };
    moveTo('refused');
    return status;
  }
  const enterpriseName = status.enterpriseName;
  await record('MakerSpaceApplied', applicant, `申请认定为${level === 'national' ? '国家级' : '市级'}众创空间`, {
    creditCode,
    enterpriseName,
    level,
    figures,
    criteriaVersion: criteria.version,
    failedCriteria: failing,
  });

  const due = await clock.deadline(input.reviewPeriod, clock.legalNow());
  status.review = { due };
  moveTo('under-review');
  const decided = await openTask({
    taskId: `${caseId}:maker-space-review`,
    kind: 'maker-space-review',
    caseId,
    candidateGroup: officers,
    due,
    applicantId: applicant.id,
    priorApprovers: [],
    recordOn: TaskQueue.ScienceCommission,
    beforeApprove: () =>
      Promise.resolve(
        failing.length === 0
          ? { ok: true as const }
          : {
              ok: false as const,
              failure: WorkflowFailureType.CriteriaNotMet,
              message: `不符合认定条件：${failing.map((f) => f.label).join('；')}`,
            },
      ),
  });
  status.review = { due, decidedBy: decided.decidedBy, outcome: decided.outcome, reason: decided.reason };
  if (decided.outcome !== 'approve') {
    await record('MakerSpaceRecognitionRefused', decided.decidedBy, decided.reason ?? '', {
      level,
      failedCriteria: failing,
    });
    moveTo('rejected');
    return status;
  }

  const recognisedAt = decided.decidedAt;
  const exemptionStartsOn = firstDayOfNextChinaMonth(clock.legalNow());
  await record('MakerSpaceRecognized', decided.decidedBy, decided.reason ?? '符合认定条件', {
    creditCode,
    enterpriseName,
    level,
    recognisedAt,
    exemptionStartsOn,
    criteriaVersion: criteria.version,
  });
  const grantCaseId = input.grant.caseId;
  await startChild(grantWorkflow, {
    workflowId: grantWorkflowId(grantCaseId),
    parentClosePolicy: ParentClosePolicy.ABANDON,
    args: [
      {
        applicant,
        creditCode,
        enterpriseName,
        ...input.grant,
        timeScale,
        recognitionCaseId: caseId,
      },
    ],
    typedSearchAttributes: [
      { key: CaseSearchAttribute.CaseId, value: grantCaseId },
      { key: CaseSearchAttribute.CaseKind, value: CaseKind.Grant },
      { key: CaseSearchAttribute.ApplicantId, value: applicant.id },
      { key: CaseSearchAttribute.CaseStatus, value: 'applied' },
    ],
  });
  status.recognition = { recognisedAt, exemptionStartsOn, grantCaseId };
  moveTo('recognised');
  return status;
}
