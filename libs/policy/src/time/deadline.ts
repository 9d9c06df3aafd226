import type { Deadline, DeadlineRequest, PolicyPeriod } from '@govflow/contracts';
import { chinaIsoDate, periodEndsAt, startOfChinaDay } from '../china-calendar';
import { addDays } from './iso-dates';
import { chinaWorkingDayCalendar, type WorkingDayCalendar } from './working-day-calendar';

const UNITS = ['days', 'months', 'years', 'workingDays'] as const;

/** Exactly one unit, a whole number of at least 1; anything else is a defect in policy data. */
export function assertPolicyPeriod(period: unknown): asserts period is PolicyPeriod {
  const entries = typeof period === 'object' && period !== null ? Object.entries(period) : [];
  const [unit, amount] = entries[0] ?? [];
  const valid =
    entries.length === 1 &&
    (UNITS as readonly string[]).includes(unit as string) &&
    Number.isInteger(amount) &&
    (amount as number) >= 1;
  if (!valid) {
    throw new RangeError(
      `A policy period is one of {days}, {months}, {years}, {workingDays} ≥ 1, got ${JSON.stringify(period)}`,
    );
  }
}

/**
 * The Beijing calendar date a period started at `start` ends on, by the Civil Code (民法典 arts. 200–204): the
 * starting day is not counted; months and years end on the corresponding day (or the month's last day when it has
 * none); a last day that is not a working day moves to the next working day (art. 203). A period of working days
 * counts only working days, so its last day is always one.
 */
export function lastDayOfPeriod(
  start: Date,
  period: PolicyPeriod,
  calendar: WorkingDayCalendar = chinaWorkingDayCalendar,
): string {
  assertPolicyPeriod(period);
  if ('workingDays' in period) return calendar.nthWorkingDayAfter(chinaIsoDate(start), period.workingDays);
  const endsAt = periodEndsAt(start, period);
  return calendar.workingDayOnOrAfter(chinaIsoDate(new Date(endsAt.getTime() - 1)));
}

/** The instant the period runs out: 24:00 Beijing time of its last day. */
export function legalDeadline(
  start: Date,
  period: PolicyPeriod,
  calendar: WorkingDayCalendar = chinaWorkingDayCalendar,
): Date {
  return startOfChinaDay(addDays(lastDayOfPeriod(start, period, calendar), 1));
}

/** A clock's scale: a whole number ≥ 1 (1 is real time). */
export function assertTimeScale(timeScale: unknown): asserts timeScale is number {
  if (!Number.isInteger(timeScale) || (timeScale as number) < 1) {
    throw new RangeError(`A time scale is a whole number ≥ 1, got ${JSON.stringify(timeScale)}`);
  }
}

/** When the timer for `legalDueAt` fires on a clock running `timeScale` times faster from `from`. */
export function acceleratedInstant(from: Date, legalDueAt: Date, timeScale: number): Date {
  assertTimeScale(timeScale);
  const gap = legalDueAt.getTime() - from.getTime();
  return new Date(from.getTime() + Math.ceil(gap / timeScale));
}

/** The one resolver: period + start + the case's clock → the real deadline and the instant its timer fires. */
export function resolveDeadline(
  { period, from, timeScale }: DeadlineRequest,
  calendar: WorkingDayCalendar = chinaWorkingDayCalendar,
): Deadline {
  const start = new Date(from);
  if (Number.isNaN(start.getTime()))
    throw new RangeError(`from must be an ISO 8601 instant, got ${JSON.stringify(from)}`);
  const lastDay = lastDayOfPeriod(start, period, calendar);
  const legalDueAt = startOfChinaDay(addDays(lastDay, 1));
  return {
    period,
    from: start.toISOString(),
    legalDueAt: legalDueAt.toISOString(),
    dueAtCalendar: `${lastDay} 24:00 北京时间`,
    dueAt: acceleratedInstant(start, legalDueAt, timeScale).toISOString(),
    timeScale,
    ...provisionalBasisOf(chinaIsoDate(start), lastDay, calendar),
  };
}

/** Whether the days counted, from the starting day to the last, ran through a year the calendar only has provisionally. */
function provisionalBasisOf(
  firstDay: string,
  lastDay: string,
  calendar: WorkingDayCalendar,
): Pick<Deadline, 'provisional' | 'calendarBasis'> {
  const provisional = calendar.provisionalYearsBetween(firstDay, lastDay);
  if (provisional.length === 0) return {};
  return { provisional: true, calendarBasis: provisional.map(({ basis }) => basis.note).join('；') };
}
