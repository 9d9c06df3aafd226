import { permitCatalogues, registrationTimeLimits } from '@govflow/policy';
import type { RegistrationPolicy } from '../../../../../workflows/registration/definitions';

/** The policy a case submitted at `at` keeps to its end. */
export function registrationPolicyAt(at: Date): RegistrationPolicy {
  const { reviewPeriod, taxRecordTimeout } = registrationTimeLimits.at(at).value;
  return { reviewPeriod, taxRecordTimeout, permitCatalogueVersion: permitCatalogues.at(at).version };
}
