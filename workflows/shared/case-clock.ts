import type { Deadline, PolicyPeriod } from '../../libs/contracts/src/time/deadlines';
import { deadlineOf, reminderBefore, validityOf } from './deadlines';

/**
 * A case's legal time on its clock. At scale 1 it is workflow time. On an accelerated local run (GOVFLOW_TIME_SCALE=N)
 * every real second since the case began is N legal seconds, so a period that follows another (the confirmation after
 * the announcement) starts where the first one legally ended, not a few real seconds after the case began.
 */
export function caseClock(timeScale: number) {
  const began = Date.now();
  const legalNow = () => new Date(began + (Date.now() - began) * timeScale);
  return {
    legalNow,
    /** The period's real deadline from `legalFrom`, and the instant (workflow time) its timer fires. */
    async deadline(period: PolicyPeriod, legalFrom: Date): Promise<Deadline> {
      const resolved = await deadlineOf(period, legalFrom, timeScale);
      const gap = Date.parse(resolved.legalDueAt) - legalFrom.getTime();
      const dueAt = new Date(Date.now() + Math.ceil(gap / timeScale)).toISOString();
      return { ...resolved, dueAt };
    },
    validity: validityOf,
    reminder: reminderBefore,
    /** Milliseconds of workflow time until the legal instant `legalAt` (at least 1, so a timer always runs). */
    untilLegal(legalAt: string | Date): number {
      const gap = new Date(legalAt).getTime() - legalNow().getTime();
      return Math.max(Math.ceil(gap / timeScale), 1);
    },
  };
}
