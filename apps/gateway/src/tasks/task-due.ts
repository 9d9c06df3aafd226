import { z } from 'zod';

/** A task's deadline in the API: when its timer fires, and the real deadline by the working-day calendar. */
export const taskDueView = z.object({
  dueAt: z.iso
    .datetime()
    .describe('when the task escalates if undecided; under an accelerated clock this comes long before legalDueAt'),
  legalDueAt: z.iso
    .datetime()
    .describe('the real deadline: 24:00 Beijing time of the last day of the period (working-day calendar)'),
  dueAtCalendar: z
    .string()
    .nullable()
    .describe('the real deadline as the documents state it, e.g. "2026-10-10 24:00 北京时间"; null for older tasks'),
  timeScale: z.number().int().min(1).describe('the clock the case runs on: 1 is real time'),
  clockAccelerated: z
    .boolean()
    .describe('true when timeScale > 1 (GOVFLOW_TIME_SCALE, local runs only): dueAt is not the real deadline'),
  provisional: z
    .boolean()
    .describe(
      'true when the deadline was counted on a year whose holiday notice is not yet published (statutory days off ' +
        'only): it may change once the notice is out; calendarBasis says so in Chinese',
    ),
  calendarBasis: z
    .string()
    .nullable()
    .describe('with provisional: e.g. "按法定节假日暂算…2027年放假安排公布后以通知为准"; null otherwise'),
});
export type TaskDueView = z.infer<typeof taskDueView>;

/** Tasks opened before the calendar carried only dueAt, on real time. */
export function toTaskDueView(due: {
  dueAt: string;
  legalDueAt?: string | null;
  dueAtCalendar?: string | null;
  timeScale?: number | null;
  provisional?: boolean | null;
  calendarBasis?: string | null;
}): TaskDueView {
  const timeScale = due.timeScale ?? 1;
  return {
    dueAt: due.dueAt,
    legalDueAt: due.legalDueAt ?? due.dueAt,
    dueAtCalendar: due.dueAtCalendar ?? null,
    timeScale,
    clockAccelerated: timeScale > 1,
    provisional: due.provisional ?? false,
    calendarBasis: due.provisional ? (due.calendarBasis ?? null) : null,
  };
}
