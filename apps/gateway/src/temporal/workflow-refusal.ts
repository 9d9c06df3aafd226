import { HttpException, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
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
  if (isStoreOutOfReach(cause)) {
    return new ServiceUnavailableException('a service the case records to did not answer in time; try again', {
      cause: error,
    });
  }
  if (!(cause instanceof ApplicationFailure) || !isWorkflowFailureType(cause.type)) return undefined;
  return refusalToHttpException(cause.type, cause.message);
}

/**
 * An Update whose activity ran out of its few attempts (a person waits: human tasks give up within seconds, applying
 * nothing, rather than keep them waiting) or of its time: the service behind it is down or restarting, so the caller
 * gets 503 and may retry. A non-retryable activity failure is a decision, not an outage, and stays as it was.
 */
function isStoreOutOfReach(cause: unknown): boolean {
  return (
    cause instanceof ActivityFailure &&
    (cause.retryState === RetryState.MAXIMUM_ATTEMPTS_REACHED || cause.retryState === RetryState.TIMEOUT)
  );
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
