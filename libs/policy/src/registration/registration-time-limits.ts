import type { Duration } from '@temporalio/common';
import type { PolicyPeriod } from '@govflow/contracts';
import { PolicyTimeline } from '../policy-timeline';

export interface RegistrationTimeLimits {
  /** R1.5a: the officer decides within this period of the submission (and of each supplement). */
  readonly reviewPeriod: PolicyPeriod;
  /** How long tax may take to open the record before the step shows as overdue; an operating target, not a period of law. */
  readonly taxRecordTimeout: Duration;
}

export const registrationTimeLimits = new PolicyTimeline<RegistrationTimeLimits>('registration-time-limits', [
  {
    // 三证合一 nationwide from 2015-10-01: a registration decision on the spot or within 3 working days (R1.5a);
    // Beijing's one-stop platform (2019) opens the tax record the same day, so a day late shows as overdue.
    version: 'registration-time-limits-2015',
    effectiveFrom: '2015-10-01',
    value: { reviewPeriod: { workingDays: 3 }, taxRecordTimeout: '1 day' },
  },
]);
