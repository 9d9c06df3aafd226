import type { Duration } from '@temporalio/common';
import { permitCatalogues, PolicyTimeline } from '@govflow/policy';
import type { RegistrationPolicy } from '../../../../../workflows/registration/definitions';

interface RegistrationTimeLimits {
  reviewDueIn: Duration;
  taxRecordTimeout: Duration;
}

// R1.5a: a decision within 3 working days (counted here as 3 days until the due time is calendar-aware);
// Beijing's one-stop platform (2019) opens the tax record the same day, so a day late shows as overdue.
const registrationTimeLimits = new PolicyTimeline<RegistrationTimeLimits>('registration-time-limits', [
  {
    version: 'time-limits-v1',
    effectiveFrom: '2015-10-01',
    value: { reviewDueIn: '3 days', taxRecordTimeout: '1 day' },
  },
]);

/** The policy a case submitted at `at` keeps to its end. */
export function registrationPolicyAt(at: Date): RegistrationPolicy {
  const { reviewDueIn, taxRecordTimeout } = registrationTimeLimits.at(at).value;
  return { reviewDueIn, taxRecordTimeout, permitCatalogueVersion: permitCatalogues.at(at).version };
}
