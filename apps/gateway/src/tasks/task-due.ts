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
});
export type TaskDueView = z.infer<typeof taskDueView>;

/** Tasks opened before the calendar carried only dueAt, on real time. */
export function toTaskDueView(due: {
  dueAt: string;
  legalDueAt?: string | null;
  dueAtCalendar?: string | null;
  timeScale?: number | null;
}): TaskDueView {
  const timeScale = due.timeScale ?? 1;
  return {
    dueAt: due.dueAt,
    legalDueAt: due.legalDueAt ?? due.dueAt,
    dueAtCalendar: due.dueAtCalendar ?? null,
    timeScale,
    clockAccelerated: timeScale > 1,
  };
}
