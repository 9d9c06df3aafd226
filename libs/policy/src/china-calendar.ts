// Policy dates and periods are Beijing calendar days (UTC+8, no daylight saving), whatever the server's zone.
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A length of time counted in calendar units, as policy documents state it ("2 months", "20 days"). */
export interface CalendarPeriod {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
}

/** The instant a Beijing calendar day begins, from an ISO date such as `2021-08-01`. */
export function startOfChinaDay(isoDate: string): Date {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Expected an ISO date YYYY-MM-DD, got "${isoDate}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(utcMidnight);
  if (roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) {
    throw new RangeError(`No such calendar day: "${isoDate}"`);
  }
  return new Date(utcMidnight - CHINA_UTC_OFFSET_MS);
}

/** The Beijing calendar day of an instant, as an ISO date. */
export function chinaIsoDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant a period that started at `start` has run out, counted as the Civil Code counts
 * (民法典 arts. 201–203): the starting day is not counted; the period's last day is the corresponding
 * day of the final month, or that month's last day when it has none; the period lasts until 24:00
 * of its last day. So a 2-month reservation made on 15 January may still be relied on all of 15 March.
 */
export function periodEndsAt(start: Date, period: CalendarPeriod): Date {
  const { years = 0, months = 0, days = 0 } = period;
  for (const amount of [years, months, days]) {
    if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`Invalid period ${JSON.stringify(period)}`);
  }
  const local = new Date(start.getTime() + CHINA_UTC_OFFSET_MS);
  const monthIndex = local.getUTCFullYear() * 12 + local.getUTCMonth() + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lastDay = Math.min(local.getUTCDate(), lastDayOfMonth) + days;
  return new Date(Date.UTC(year, month, lastDay + 1) - CHINA_UTC_OFFSET_MS);
}

/** Whether the period that started at `start` is still running at `now`. */
export function isWithinPeriod(start: Date, period: CalendarPeriod, now: Date): boolean {
  return now.getTime() < periodEndsAt(start, period).getTime();
}
