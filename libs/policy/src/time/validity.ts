import type { Reminder, ReminderRequest, Validity, ValidityRequest } from '@govflow/contracts';
import { chinaIsoDate, periodEndsAt, startOfChinaDay } from '../china-calendar';
import { assertPolicyPeriod } from './deadline';
import { chinaWorkingDayCalendar, type WorkingDayCalendar } from './working-day-calendar';

/**
 * A validity (有效期) is counted in calendar units and is not moved to a working day: a 5-year permit granted on
 * 2026-11-30 is valid to the end of 2031-11-30 (the starting day not counted). Working days make no sense for it.
 */
export function resolveValidity({ period, from }: ValidityRequest): Validity {
  assertPolicyPeriod(period);
  if ('workingDays' in period) throw new RangeError('A validity is a calendar period, not working days');
  const start = new Date(from);
  if (Number.isNaN(start.getTime())) throw new RangeError(`from must be an ISO 8601 instant, got ${from}`);
  const validUntil = periodEndsAt(start, period);
  return { lastDay: chinaIsoDate(new Date(validUntil.getTime() - 1)), validUntil: validUntil.toISOString() };
}

/** The working day `workingDays` before the last valid day, e.g. when a renewal reminder is due (R2.3). */
export function resolveReminder(
  { lastDay, workingDays }: ReminderRequest,
  calendar: WorkingDayCalendar = chinaWorkingDayCalendar,
): Reminder {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays ≥ 1, got ${workingDays}`);
  const day = calendar.nthWorkingDayBefore(lastDay, workingDays);
  const provisional = calendar.provisionalYearsBetween(day, lastDay);
  return {
    day,
    at: startOfChinaDay(day).toISOString(),
    ...(provisional.length > 0 && {
      provisional: true as const,
      calendarBasis: provisional.map(({ basis }) => basis.note).join('；'),
    }),
  };
}
