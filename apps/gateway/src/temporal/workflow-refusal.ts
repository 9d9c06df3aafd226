import { HttpException, HttpStatus } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isWorkflowFailureType, WorkflowFailureType, workflowFailureHttpStatus } from '@govflow/contracts';
import { RequestValidationFailed } from '../http/api-error';

/** The HTTP error for a workflow's refusal, carrying the workflow's message; a missing reason or confirmation names its field. */
export function refusalToHttpException(type: WorkflowFailureType, message: string): HttpException {
  if (type === WorkflowFailureType.ReasonRequired) return new RequestValidationFailed([{ field: 'reason', message }]);
  if (type === WorkflowFailureType.ConfirmationRequired) {
    return new RequestValidationFailed([{ field: 'confirms', message }]);
  }
  return new HttpException(message, workflowFailureHttpStatus[type]);
}

/**
 * The HTTP error for an Update the workflow refused (its validator or its handler threw a typed ApplicationFailure),
 * or undefined for any other failure: those are not the caller's doing and end as a logged 500.
 */
export function updateRefusalToHttpException(error: unknown): HttpException | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !isWorkflowFailureType(cause.type)) return undefined;
  return refusalToHttpException(cause.type, cause.message);
}

/** The typed ApplicationFailure an Update failed with, when its type is a key of `types`; otherwise undefined. */
export function refusedUpdate<T extends string>(
  error: unknown,
  types: Record<T, unknown>,
): (ApplicationFailure & { type: T }) | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !cause.type || !(cause.type in types)) return undefined;
  return cause as ApplicationFailure & { type: T };
}

export const caseClosed = () => new HttpException('the case is closed: it takes no more changes', HttpStatus.CONFLICT);
