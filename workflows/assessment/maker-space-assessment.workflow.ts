import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { AssessmentActivities } from '../../libs/contracts/src/science/assessment';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { failedIndicators } from '../../libs/policy/src/maker-space/assessment-policy';
import { firstDayOfNextChinaMonth } from '../../libs/policy/src/maker-space/tax-exemption';
import { caseClock } from '../shared/case-clock';
import { acceptTaskRequests, currentTaskState, openTask } from '../shared/human-task';
import {
  type AssessmentReport,
  assessmentReportTaskId,
  assessmentReportUpdate,
  type MakerSpaceAssessmentInput,
  type MakerSpaceAssessmentStatus,
  type MakerSpaceAssessmentStatusName,
  makerSpaceAssessmentStatusQuery,
} from './definitions';
import { checkIndicators } from './indicators';

const science = proxyActivities<AssessmentActivities>({
  taskQueue: TaskQueue.ScienceCommission,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const officers = { role: 'science-officer', department: 'science-commission' } as const;
const now = () => new Date().toISOString();

/**
 * One maker space's assessed year (R4.4): the owner reports the indicators by the deadline (none = a fail); scored
 * against the year's thresholds. A fail is a warning and a guidance task for an officer; the failed years in a row,
 * from the science commission's history, revoke the recognition once they reach the policy's number.
 */
export async function makerSpaceAssessmentWorkflow(
  input: MakerSpaceAssessmentInput,
): Promise<MakerSpaceAssessmentStatus> {
  const { year, makerSpace, policy, timeScale } = input;
  const { caseId } = makerSpace;
  const clock = caseClock(timeScale);
  const due = await clock.deadline(policy.value.reportPeriod, clock.legalNow());
  const taskId = assessmentReportTaskId(caseId, year);
  const status: MakerSpaceAssessmentStatus = {
    year,
    makerSpace,
    policyVersion: policy.version,
    status: 'awaiting-report',
    report: { taskId, kind: 'assessment-report', ownerId: makerSpace.ownerId, due },
  };
  const moveTo = (next: MakerSpaceAssessmentStatusName) => {
    status.status = next;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: next }]);
  };
  let filing = false;
  let closed = false;
  setHandler(makerSpaceAssessmentStatusQuery, () => ({
    ...status,
    ...(currentTaskState() && { openTask: currentTaskState() }),
  }));
  setHandler(
    assessmentReportUpdate,
    async ({ actor, indicators }: AssessmentReport) => {
      filing = true;
      await science.recordAssessmentFact({
        idempotencyKey: `${taskId}:filed`,
        caseId,
        type: 'MakerSpaceAssessmentReportFiled',
        actor,
        reason: `报送${year}年度绩效考核材料`,
        at: now(),
        data: { year, indicators, taskId },
      });
      status.indicators = indicators;
      status.report.filedAt = now();
      return status;
    },
    {
      validator: ({ actor, indicators }: AssessmentReport) => {
        if (actor.id !== makerSpace.ownerId) {
          throw ApplicationFailure.create({
            type: WorkflowFailureType.NotApplicant,
            message: `只有 ${makerSpace.enterpriseName} 的登记申请人可以报送年度考核材料`,
            nonRetryable: true,
          });
        }
        if (closed || filing) {
          throw ApplicationFailure.create({
            type: WorkflowFailureType.NotAwaitingReport,
            message: `${year}年度考核材料已报送或报送期限已过`,
            nonRetryable: true,
          });
        }
        checkIndicators(indicators);
      },
    },
  );
  acceptTaskRequests();
  upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: 'awaiting-report' }]);

  const untilDue = Math.max(Date.parse(due.dueAt) - Date.now(), 1);
  await condition(() => status.indicators !== undefined, untilDue);
  closed = true;
  // A report accepted just before the deadline is still being recorded: it counts.
  if (filing) await condition(() => status.indicators !== undefined);
  const indicators = status.indicators;
  status.failedIndicators = indicators && failedIndicators(policy.value.thresholds, indicators);
  const passed = indicators !== undefined && status.failedIndicators?.length === 0;
  if (!passed) status.failure = indicators ? 'below-thresholds' : 'report-missing';
  const { consecutiveFails } = await science.recordAssessmentResult({
    idempotencyKey: `${taskId}:result`,
    caseId,
    year,
    outcome: passed ? 'passed' : 'failed',
    ...(status.failure && { failure: status.failure }),
    policyVersion: policy.version,
    at: now(),
    data: { failedIndicators: status.failedIndicators ?? [], reportDue: due.legalDueAt },
  });
  status.consecutiveFails = consecutiveFails;
  if (passed) {
    moveTo('passed');
    return status;
  }
  if (consecutiveFails >= policy.value.revokeAfterConsecutiveFails) {
    const revokedAt = now();
    const exemptionEndsOn = firstDayOfNextChinaMonth(clock.legalNow());
    await science.revokeRecognition({
      idempotencyKey: `${taskId}:revoked`,
      caseId,
      year,
      consecutiveFails,
      exemptionEndsOn,
      reason: `连续${consecutiveFails}年度考核不合格，撤销众创空间认定`,
      at: revokedAt,
    });
    status.revocation = { revokedAt, exemptionEndsOn };
    moveTo('revoked');
    return status;
  }
  moveTo('failed');
  const guidanceDue = await clock.deadline(policy.value.guidancePeriod, clock.legalNow());
  await openTask({
    taskId: `${caseId}:assessment-guidance:${year}`,
    kind: 'assessment-guidance',
    caseId,
    candidateGroup: officers,
    due: guidanceDue,
    applicantId: makerSpace.ownerId,
    priorApprovers: [],
    recordOn: TaskQueue.ScienceCommission,
  });
  return status;
}
