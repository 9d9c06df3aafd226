import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  Client,
  isGrpcDeadlineError,
  ServiceError,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import {
  type Actor,
  CaseKind,
  CaseSearchAttribute,
  type EstablishmentApplication,
  TaskQueue,
} from '@govflow/contracts';
import type { registrationWorkflow } from '../../../../../workflows/registration/registration.workflow';
import { PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import {
  registrationWorkflowId,
  type RegistrationStatus,
  SUBMISSION_UPDATE_ID,
  submissionUpdate,
} from '../../../../../workflows/registration/definitions';
import { nameRefusalToHttpException, updateNameRefusal } from '../../temporal/name-refusal';
import { TEMPORAL_CLIENT } from '../../temporal/temporal-client.token';
import { registrationPolicyAt } from './registration-policy';

export interface RegistrationStart {
  caseId: string;
  applicant: Actor;
  application: EstablishmentApplication;
  submittedAt: Date;
}

// The registrant waits while market regulation checks and holds the name (milliseconds when it is up).
const ANSWER_WITHIN_MS = 20_000;

/**
 * Starts a case's registration workflow once (its id is the case's) with the `submission` Update, and answers when
 * market regulation has checked the name and held it for the case: a refused name throws its 400/409 here, before any
 * 202. A repeat (same case) attaches to the same Update, or reads the closed case's outcome.
 */
@Injectable()
export class RegistrationWorkflowStarter {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  async start({ caseId, applicant, application, submittedAt }: RegistrationStart): Promise<void> {
    const { timeScale } = this.platform;
    const workflowId = registrationWorkflowId(caseId);
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof registrationWorkflow>('registrationWorkflow', {
      taskQueue: TaskQueue.Orchestrator,
      workflowId,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
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
    try {
      await this.temporal.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.temporal.workflow.executeUpdateWithStart(submissionUpdate, {
          updateId: SUBMISSION_UPDATE_ID,
          startWorkflowOperation,
        }),
      );
    } catch (error) {
      const refusal = updateNameRefusal(error, 'name');
      if (refusal) throw refusal;
      if (error instanceof WorkflowExecutionAlreadyStartedError) return this.closedOutcome(workflowId);
      if (isTimeout(error)) {
        throw new ServiceUnavailableException('market regulation did not answer in time; try again', { cause: error });
      }
      throw error;
    }
  }

  // The case closed before this repeat: it answers as it did the first time.
  private async closedOutcome(workflowId: string): Promise<void> {
    const status = (await this.temporal.workflow.getHandle(workflowId).result()) as RegistrationStatus;
    if (status.refusal) throw nameRefusalToHttpException(status.refusal, 'name');
  }
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    (error instanceof ServiceError && isGrpcDeadlineError(error.cause))
  );
}
