// Test support for the deregistration workflow's tests: the policy as the gateway picks it at application.
import { simplifiedDeregistrationPolicies } from '@govflow/policy';
import type { DeregistrationPolicy } from '../../workflows/deregistration/definitions';

/** The policy in force on a Beijing date, as the gateway picks it at application. */
export const policyOn = (localDate: string): DeregistrationPolicy => {
  const { version, value } = simplifiedDeregistrationPolicies.at(new Date(`${localDate}T12:00:00+08:00`));
  return { version, ...value };
};
