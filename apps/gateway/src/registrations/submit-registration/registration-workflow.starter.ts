import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import {
  type Actor,
  CaseKind,
  CaseSearchAttribute,
  type EstablishmentApplication,
  TaskQueue,
} from '@govflow/contracts';
import type { registrationWorkflow } from '../../../../../workflows/registration/registration.workflow';
import { registrationWorkflowId } from '../../../../../workflows/registration/definitions';
import { PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import { TEMPORAL_CLIENT } from '../../temporal/temporal-client.token';
import { registrationPolicyAt } from './registration-policy';

export interface RegistrationStart {
  caseId: string;
  applicant: Actor;
  application: EstablishmentApplication;
  submittedAt: Date;
}

/** Starts a case's registration workflow once: its id is the case's, and a second start of that id is refused. */
@Injectable()
export class RegistrationWorkflowStarter {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  /** Resolves once the workflow runs, whether this call or an earlier one started it. */
  async start({ caseId, applicant, application, submittedAt }: RegistrationStart): Promise<void> {
    const { timeScale } = this.platform;
    try {
      await this.temporal.workflow.start<typeof registrationWorkflow>('registrationWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId: registrationWorkflowId(caseId),
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        // The case keeps the policy and the clock (GOVFLOW_TIME_SCALE) it was submitted under.
        args: [{ caseId, applicant, application, policy: registrationPolicyAt(submittedAt), timeScale }],
        typedSearchAttributes: [
          { key: CaseSearchAttribute.CaseId, value: caseId },
          { key: CaseSearchAttribute.CaseKind, value: CaseKind.Registration },
          { key: CaseSearchAttribute.ApplicantId, value: applicant.id },
          { key: CaseSearchAttribute.CaseStatus, value: 'submitted' },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
