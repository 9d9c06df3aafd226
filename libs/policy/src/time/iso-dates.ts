import { startOfChinaDay } from '../china-calendar';

// Calendar arithmetic on ISO dates (`YYYY-MM-DD`) through UTC midnights, where no zone or daylight saving intrudes.
const DAY_MS = 24 * 60 * 60 * 1000;

export function isoDateParts(isoDate: string): { year: number; month: number; day: number } {
  startOfChinaDay(isoDate); // refuses anything that is not a real calendar day
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const utcMidnight = (isoDate: string) => {
  const { year, month, day } = isoDateParts(isoDate);
  return Date.UTC(year, month - 1, day);
};

export const addDays = (isoDate: string, days: number): string =>
  new Date(utcMidnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);

/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (isoDate: string): number => new Date(utcMidnight(isoDate)).getUTCDay();
