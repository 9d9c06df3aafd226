import { ApplicationFailure } from '@temporalio/common';
import { DomainRefusal } from '../shared/domain-refusal';

/**
 * Runs an activity's work, failing a business refusal as non-retryable with the refusal's type (and details): the
 * workflow sees why at once. Anything else (the database away, a lost race) stays retryable, and every activity is
 * safe to retry.
 */
export async function refusalsAsFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainRefusal)) throw error;
    const details = error.details === undefined ? undefined : [error.details];
    throw ApplicationFailure.create({ message: error.message, type: error.type, nonRetryable: true, details });
  }
}
