import { HttpException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import {
  Client,
  isGrpcDeadlineError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TaskState } from '@govflow/contracts';
import { taskStateQuery } from '../../../../workflows/shared/human-task/definitions';
import {
  registrationStatusQuery,
  registrationWorkflowId,
  type RegistrationStatus,
} from '../../../../workflows/registration/definitions';
import { TEMPORAL_CLIENT } from './temporal-client.token';
import { caseClosed, updateRefusalToHttpException } from './workflow-refusal';

// A person is waiting: without a worker an Update or a query would wait for one indefinitely.
const ANSWER_WITHIN_MS = 20_000;

/** Reads and changes running cases through their workflows; every refusal becomes the HTTP error it stands for. */
@Injectable()
export class CaseWorkflows {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** Runs an Update; a closed workflow answers 409, a missing one 404; `refusalOf` maps refusals of the caller's own. */
  async update<Result, Request>(
    workflowId: string,
    update: UpdateDefinition<Result, [Request]>,
    request: Request,
    refusalOf: (error: unknown) => HttpException | undefined = () => undefined,
  ): Promise<Result> {
    try {
      const handle = this.temporal.workflow.getHandle(workflowId);
      return await this.answeredInTime(() => handle.executeUpdate(update, { args: [request] }));
    } catch (error) {
      const refusal = refusalOf(error) ?? updateRefusalToHttpException(error);
      if (refusal) throw refusal;
      if (error instanceof WorkflowNotFoundError) throw await this.closedOrMissing(workflowId);
      throw error;
    }
  }

  /** The case as its workflow reports it; a completed case answers from its result, with no worker needed. */
  async registrationStatus(caseId: string): Promise<RegistrationStatus> {
    const handle = this.temporal.workflow.getHandle(registrationWorkflowId(caseId));
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return (await handle.result()) as RegistrationStatus;
      return await this.answeredInTime(() => handle.query(registrationStatusQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`no registration ${caseId}`);
      throw error;
    }
  }

  /** A task as the workflow that owns it reports it, history included; null when it has no such task. */
  async taskState(workflowId: string, taskId: string): Promise<TaskState | null> {
    try {
      return await this.answeredInTime(() =>
        this.temporal.workflow.getHandle(workflowId).query(taskStateQuery, taskId),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`no task ${taskId}`);
      throw error;
    }
  }

  private async answeredInTime<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await this.temporal.withDeadline(Date.now() + ANSWER_WITHIN_MS, call);
    } catch (error) {
      const timedOut =
        error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
        (error instanceof ServiceError && isGrpcDeadlineError(error.cause));
      if (!timedOut) throw error;
      throw new ServiceUnavailableException('the case did not answer in time; try again', { cause: error });
    }
  }

  // The server answers an Update to a closed workflow as "not found": describe tells closed from never started.
  private async closedOrMissing(workflowId: string): Promise<Error> {
    try {
      await this.temporal.workflow.getHandle(workflowId).describe();
      return caseClosed();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return new NotFoundException(`no case workflow ${workflowId}`);
      throw error;
    }
  }
}
