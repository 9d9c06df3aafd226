import { chinaIsoDate, chinaWorkingDayCalendar, legalDeadline } from '@govflow/policy';

/**
 * The review's real deadline for a submission made between `before` and `after` (the workflow records the instant):
 * 24:00 Beijing time of the 3rd working day after it, by the calendar in libs/policy. Two candidates only when the
 * request straddled midnight in Beijing.
 */
export function reviewDeadlinesBetween(before: Date, after: Date): string[] {
  const candidates = [before, after].map((at) => legalDeadline(at, { workingDays: 3 }).toISOString());
  return [...new Set(candidates)];
}

/** The Beijing date of the last day of a deadline that falls at 24:00 Beijing time. */
export const lastDayInBeijing = (deadline: string) =>
  new Date(Date.parse(deadline) + 8 * 3600_000 - 1).toISOString().slice(0, 10);

/** Whether a period started at `at` and due at `deadline` ran through a provisional calendar year (2027 for now). */
export const countedProvisionally = (at: Date, deadline: string) =>
  chinaWorkingDayCalendar.provisionalYearsBetween(chinaIsoDate(at), lastDayInBeijing(deadline)).length > 0;
