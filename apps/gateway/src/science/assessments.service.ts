import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { type Actor, CaseKind, CaseSearchAttribute, TaskQueue } from '@govflow/contracts';
import { PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import { assessmentPolicyOfYear } from '@govflow/policy';
import type { assessmentYearWorkflow } from '../../../../workflows/assessment/assessment-year.workflow';
import {
  assessmentReportUpdate,
  type AssessmentYearStatus,
  assessmentYearStatusQuery,
  assessmentYearWorkflowId,
  type MakerSpaceAssessmentStatus,
  makerSpaceAssessmentWorkflowId,
} from '../../../../workflows/assessment/definitions';
import { CaseWorkflows } from '../temporal/case-workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import type { AssessmentReportRequest } from './assessment.request';

/** The maker spaces' annual assessment (R4.4) through its workflows: one run per year, a case per maker space. */
@Injectable()
export class AssessmentWorkflows {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
    private readonly cases: CaseWorkflows,
  ) {}

  /** Starts the year's run under that year's policy; a year already started (or finished) stays as it is. */
  async startYear(year: number, startedBy: Actor): Promise<{ year: number; workflowId: string }> {
    const workflowId = assessmentYearWorkflowId(year);
    const policy = assessmentPolicyOfYear(year);
    try {
      await this.temporal.workflow.start<typeof assessmentYearWorkflow>('assessmentYearWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [
          {
            year,
            policy: { version: policy.version, value: policy.value },
            startedBy,
            timeScale: this.platform.timeScale,
          },
        ],
        typedSearchAttributes: [
          { key: CaseSearchAttribute.CaseId, value: workflowId },
          { key: CaseSearchAttribute.CaseKind, value: CaseKind.MakerSpaceAssessment },
          { key: CaseSearchAttribute.CaseStatus, value: 'running' },
        ],
      });
    } catch (error) {
      if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
    }
    return { year, workflowId };
  }

  async year(year: number): Promise<AssessmentYearStatus> {
    const handle = this.temporal.workflow.getHandle(assessmentYearWorkflowId(year));
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return (await handle.result()) as AssessmentYearStatus;
      return await handle.query(assessmentYearStatusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`no assessment of ${year} started`);
      throw error;
    }
  }

  /** The owner's report: 404 when the year's run has no case for the maker space; refusals as the workflow says. */
  report(
    caseId: string,
    year: number,
    actor: Actor,
    request: AssessmentReportRequest,
  ): Promise<MakerSpaceAssessmentStatus> {
    const { fundsInvested, ...counts } = request.indicators;
    const indicators = { fundsInvestedFen: fundsInvested, ...counts };
    return this.cases.update(makerSpaceAssessmentWorkflowId(year, caseId), assessmentReportUpdate, {
      actor,
      indicators,
    });
  }
}
