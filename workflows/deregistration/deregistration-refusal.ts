import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { DeregistrationRefusalType } from '../../libs/contracts/src/deregistration/deregistration-activities';

const types: readonly string[] = Object.values(DeregistrationRefusalType);

/** Market regulation's refusal of the application (NotEligible, CommitmentsMismatch) as the workflow's own failure. */
export function deregistrationRefusalOf(error: unknown): ApplicationFailure | undefined {
  if (!(error instanceof ActivityFailure)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !types.includes(cause.type ?? '')) return undefined;
  const { type, message, details } = cause;
  return ApplicationFailure.create({
    type: type ?? undefined,
    message,
    details: [...(details ?? [])],
    nonRetryable: true,
  });
}
