import { ApplicationFailure } from '@temporalio/common';
import { DomainRefusal } from '../shared/domain-refusal';

/**
 * Runs an activity's work, failing a business refusal as non-retryable with the refusal's type: the workflow sees
 * why at once. Anything else (the database away, a lost race) stays retryable, and every activity is safe to retry.
 */
export async function refusalsAsFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainRefusal) throw ApplicationFailure.nonRetryable(error.message, error.type);
    throw error;
  }
}
