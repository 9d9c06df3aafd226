import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { isNameRefusalType } from '../../libs/contracts/src/registration/name-refusal';

/**
 * The name refusal (NameNotAllowed, NameTaken) an activity failed with, as a failure of the workflow's own: thrown from
 * an Update handler it reaches the caller with its type and problems. Undefined for any other failure.
 */
export function nameRefusalOf(error: unknown): ApplicationFailure | undefined {
  if (!(error instanceof ActivityFailure)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !isNameRefusalType(cause.type)) return undefined;
  const { type, message, details } = cause;
  return ApplicationFailure.create({ type, message, details: [...(details ?? [])], nonRetryable: true });
}
