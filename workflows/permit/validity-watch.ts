import { condition } from '@temporalio/workflow';
import type { PolicyPeriod } from '../../libs/contracts/src/time/deadlines';
import type { caseClock } from '../shared/case-clock';
import type { PermitProgress } from './permit-progress';

const DAY_MS = 86_400_000;
// The calendar is asked for the reminder's day only this long before expiry: a 5-year validity ends in a year whose
// working-day notice is not published when the permit is granted. 30 working days are at most about 50 calendar days.
const ASK_CALENDAR_BEFORE_MS = 90 * DAY_MS;

export interface ValidityWatch {
  clock: ReturnType<typeof caseClock>;
  progress: PermitProgress;
  period: PolicyPeriod;
  reminderWorkingDays?: number;
  renewalRequested: () => boolean;
  /** Answers whether the validity restarted (the renewal was granted). */
  renew: () => Promise<boolean>;
  remind: (n: number) => Promise<void>;
  expire: () => Promise<void>;
}

/**
 * A granted permit until it ends: the renewal reminder the given working days before its last day, a renewal whenever
 * the holder asks (granted, it restarts the validity; refused, the permit runs to its end), expiry at 24:00 of the last
 * day; a revocation ends the watch.
 */
export async function watchValidity(watch: ValidityWatch): Promise<void> {
  const { clock, progress, reminderWorkingDays, renewalRequested } = watch;
  const stop = () => progress.status !== 'granted' || renewalRequested();
  for (let reminders = 0; ;) {
    const validity = progress.validity;
    if (!validity) return;
    if (reminderWorkingDays) {
      const askAt = new Date(Date.parse(validity.validUntil) - ASK_CALENDAR_BEFORE_MS);
      if (!(await condition(stop, clock.untilLegal(askAt)))) {
        const reminder = await clock.reminder(validity.lastDay, reminderWorkingDays);
        validity.renewalDueAt = reminder.at;
        if (!(await condition(stop, clock.untilLegal(reminder.at)))) await watch.remind(++reminders);
      }
    }
    await condition(stop, clock.untilLegal(validity.validUntil));
    if (progress.status !== 'granted') return;
    if (!renewalRequested()) return watch.expire();
    if (await watch.renew()) continue;
    await condition(() => progress.status !== 'granted', clock.untilLegal(validity.validUntil));
    if (progress.status === 'granted') return watch.expire();
    return;
  }
}
