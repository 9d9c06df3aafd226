// Test support for the deregistration workflow's tests: the policy as the gateway picks it, and the calendar.
import type { DeadlineActivities } from '../../libs/contracts/src/time/deadlines';
import {
  holidayArrangements,
  resolveDeadline,
  simplifiedDeregistrationPolicies,
  WorkingDayCalendar,
} from '@govflow/policy';
import type { DeregistrationPolicy } from '../../workflows/deregistration/definitions';

/** The policy in force on a Beijing date, as the gateway picks it at application. */
export const policyOn = (localDate: string): DeregistrationPolicy => {
  const { version, value } = simplifiedDeregistrationPolicies.at(new Date(`${localDate}T12:00:00+08:00`));
  return { version, ...value };
};

/**
 * The policy's calendar, with 2027 as weekends only until 2027's State Council notice is in libs/policy: the windows
 * of cases started now run into 2027 (the resolver refuses a year it does not cover, and the case would wait).
 */
const calendar = new WorkingDayCalendar(
  holidayArrangements.some((a) => a.year === 2027)
    ? holidayArrangements
    : [
        ...holidayArrangements,
        {
          year: 2027,
          notice: 'test: weekends only',
          publishedOn: '2026-11-29',
          source: 'test',
          holidays: [],
          adjustedWorkingDays: [],
        },
      ],
);
export const deadlinesThrough2027: DeadlineActivities = {
  resolveDeadline: (request) => Promise.resolve().then(() => resolveDeadline(request, calendar)),
};
export const deadlineIn = (request: Parameters<typeof resolveDeadline>[0]) => resolveDeadline(request, calendar);
