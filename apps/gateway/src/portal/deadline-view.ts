import { type PolicyPeriod, registrationTimeLimits } from '@govflow/policy';
import type { TaskDueView } from '../tasks/task-due';
import { portalFilters } from './portal-filters';

/** A policy period as the documents say it: 3个工作日, 20日, 2个月, 1年. */
export function periodZh(period: PolicyPeriod): string {
  if ('workingDays' in period) return `${period.workingDays}个工作日`;
  if ('days' in period) return `${period.days}日`;
  if ('months' in period) return `${period.months}个月`;
  return `${period.years}年`;
}

/** The registration review's period (R1.5a) from the policy in force at `at`, e.g. 3个工作日. */
export const reviewPeriodZh = (at: Date | string = new Date()) =>
  periodZh(registrationTimeLimits.at(new Date(at)).value.reviewPeriod);

export interface DeadlineLine {
  /** The real deadline as the documents state it, e.g. 2026-12-03 24:00 北京时间. */
  calendar: string;
  overdue: boolean;
  /** On an accelerated clock: when the timer fires, long before the real deadline. */
  escalatesAt?: string;
  /** Why a deadline counted on a provisional year may still move (the API's calendarBasis). */
  provisionalBasis?: string;
}

const dateTime = portalFilters.dateTime as (value: unknown) => string;
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** An instant as the documents state a deadline: a period ending at midnight ends at 24:00 of its last day. */
function calendarOf(instant: string): string {
  const beijing = Date.parse(instant) + BEIJING_OFFSET_MS;
  if (beijing % 86_400_000 === 0) return `${new Date(beijing - 1).toISOString().slice(0, 10)} 24:00 北京时间`;
  return `${new Date(beijing).toISOString().slice(0, 16).replace('T', ' ')} 北京时间`;
}

/** A deadline of the API (a task, or a case step's due) as the pages show it. */
export function deadlineLineOf(due: TaskDueView, now = Date.now()): DeadlineLine {
  return {
    calendar: due.dueAtCalendar ?? calendarOf(due.legalDueAt),
    overdue: Date.parse(due.dueAt) < now,
    ...(due.clockAccelerated && { escalatesAt: dateTime(due.dueAt) }),
    ...(due.provisional && { provisionalBasis: due.calendarBasis ?? '按暂定的工作日历计算，期限可能调整' }),
  };
}
