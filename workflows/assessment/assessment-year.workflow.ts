import {
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import type { AssessmentActivities } from '../../libs/contracts/src/science/assessment';
import { CaseKind, CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { assessmentPolicyOfYear } from '../../libs/policy/src/maker-space/assessment-policy';
import { chinaIsoDate } from '../../libs/policy/src/china-calendar';
import {
  type AssessmentYearInput,
  type AssessmentYearStatus,
  assessmentYearStatusQuery,
  assessmentYearWorkflowId,
  makerSpaceAssessmentWorkflowId,
} from './definitions';
import { makerSpaceAssessmentWorkflow } from './maker-space-assessment.workflow';

const science = proxyActivities<AssessmentActivities>({
  taskQueue: TaskQueue.ScienceCommission,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * One calendar year's assessment (R4.4), once per year (its id is the year's): every maker space recognised and not
 * revoked when it starts gets a case of its own; the run completes when each has its result.
 */
export async function assessmentYearWorkflow(input: AssessmentYearInput): Promise<AssessmentYearStatus> {
  const { year, policy, timeScale } = input;
  const status: AssessmentYearStatus = {
    year,
    policyVersion: policy.version,
    status: 'running',
    startedAt: new Date().toISOString(),
    makerSpaces: [],
  };
  setHandler(assessmentYearStatusQuery, () => status);
  const spaces = await science.listRecognisedMakerSpaces({ asOf: status.startedAt });
  status.makerSpaces = spaces.map(({ caseId, creditCode, enterpriseName }) => ({
    caseId,
    creditCode,
    enterpriseName,
    status: 'starting' as const,
  }));
  await Promise.all(
    spaces.map(async (makerSpace, index) => {
      const child = await startChild(makerSpaceAssessmentWorkflow, {
        workflowId: makerSpaceAssessmentWorkflowId(year, makerSpace.caseId),
        args: [{ year, makerSpace, policy, timeScale }],
        typedSearchAttributes: [
          { key: CaseSearchAttribute.CaseId, value: makerSpace.caseId },
          { key: CaseSearchAttribute.CaseKind, value: CaseKind.MakerSpaceAssessment },
          { key: CaseSearchAttribute.ApplicantId, value: makerSpace.ownerId },
          { key: CaseSearchAttribute.CaseStatus, value: 'awaiting-report' },
        ],
      });
      const entry = status.makerSpaces[index]!;
      entry.status = 'awaiting-report';
      const result = await child.result();
      entry.status = result.status;
      entry.outcome = result.status === 'passed' ? 'passed' : 'failed';
    }),
  );
  status.status = 'completed';
  upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: 'completed' }]);
  return status;
}

/**
 * What the Temporal Schedule runs every 15 January (Beijing): the assessment of the calendar year before, under that
 * year's policy. The year's run may already exist (an administrator started it): then nothing changes.
 */
export async function scheduledAssessmentWorkflow(input: {
  timeScale: number;
}): Promise<{ year: number; started: boolean }> {
  const year = Number(chinaIsoDate(new Date()).slice(0, 4)) - 1;
  const policy = assessmentPolicyOfYear(year);
  try {
    await startChild(assessmentYearWorkflow, {
      workflowId: assessmentYearWorkflowId(year),
      taskQueue: workflowInfo().taskQueue,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          year,
          policy: { version: policy.version, value: policy.value },
          startedBy: { id: 'assessment-schedule', role: 'system' },
          timeScale: input.timeScale,
        },
      ],
      typedSearchAttributes: [
        { key: CaseSearchAttribute.CaseId, value: assessmentYearWorkflowId(year) },
        { key: CaseSearchAttribute.CaseKind, value: CaseKind.MakerSpaceAssessment },
        { key: CaseSearchAttribute.CaseStatus, value: 'running' },
      ],
    });
    return { year, started: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { year, started: false };
    throw error;
  }
}
