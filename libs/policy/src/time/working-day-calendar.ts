import { type HolidayArrangement, holidayArrangements, type ProvisionalBasis } from './holiday-arrangements.data';
import { addDays, isoDateParts, weekdayOf } from './iso-dates';

/** A date the calendar has no notice for: deadlines there are refused, never guessed. */
export class CalendarYearNotCovered extends Error {
  constructor(
    readonly year: number,
    readonly covered: readonly number[],
  ) {
    super(
      `The working-day calendar has no holiday arrangement for ${year} (covered: ${covered.join(', ')}); ` +
        `add the State Council notice for ${year} to libs/policy`,
    );
    this.name = 'CalendarYearNotCovered';
  }
}

export type DayKind = 'working-day' | 'weekend' | 'holiday' | 'adjusted-working-day';

/**
 * Working days and rest days in mainland China, by Beijing calendar date (`YYYY-MM-DD`): Monday to Friday work,
 * Saturday and Sunday rest, except where a year's notice makes a day a holiday or a weekend day a working day.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Map<string, string>();
  private readonly adjustedWorkingDays = new Set<string>();
  private readonly provisional = new Map<number, ProvisionalBasis>();
  readonly years: readonly number[];

  constructor(arrangements: readonly HolidayArrangement[] = holidayArrangements) {
    this.years = arrangements.map((a) => a.year).sort((a, b) => a - b);
    for (const arrangement of arrangements) this.add(arrangement);
  }

  /** The provisional years from `fromIsoDate`'s to `toIsoDate`'s, each with its basis (none when all are published). */
  provisionalYearsBetween(fromIsoDate: string, toIsoDate: string): { year: number; basis: ProvisionalBasis }[] {
    const [from, to] = [isoDateParts(fromIsoDate).year, isoDateParts(toIsoDate).year];
    return [...this.provisional]
      .filter(([year]) => year >= from && year <= to)
      .sort(([a], [b]) => a - b)
      .map(([year, basis]) => ({ year, basis }));
  }

  kindOf(isoDate: string): DayKind {
    const { year } = isoDateParts(isoDate);
    if (!this.years.includes(year)) throw new CalendarYearNotCovered(year, this.years);
    if (this.holidays.has(isoDate)) return 'holiday';
    if (this.adjustedWorkingDays.has(isoDate)) return 'adjusted-working-day';
    const weekday = weekdayOf(isoDate);
    return weekday === 0 || weekday === 6 ? 'weekend' : 'working-day';
  }

  isWorkingDay(isoDate: string): boolean {
    const kind = this.kindOf(isoDate);
    return kind === 'working-day' || kind === 'adjusted-working-day';
  }

  /** The holiday's name (春节 …) when the date is one. */
  holidayOn(isoDate: string): string | undefined {
    this.kindOf(isoDate);
    return this.holidays.get(isoDate);
  }

  /** `isoDate` itself when it is a working day, else the first working day after it. */
  workingDayOnOrAfter(isoDate: string): string {
    let day = isoDate;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** The `count`-th working day after `isoDate`, not counting `isoDate` itself. */
  nthWorkingDayAfter(isoDate: string, count: number): string {
    let day = isoDate;
    for (let found = 0; found < count;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) found++;
    }
    return day;
  }

  /** The `count`-th working day before `isoDate`, not counting `isoDate` itself (a reminder ahead of an expiry). */
  nthWorkingDayBefore(isoDate: string, count: number): string {
    let day = isoDate;
    for (let found = 0; found < count;) {
      day = addDays(day, -1);
      if (this.isWorkingDay(day)) found++;
    }
    return day;
  }

  private add({ year, notice, holidays, adjustedWorkingDays, provisional }: HolidayArrangement): void {
    if (provisional) this.provisional.set(year, provisional);
    const inYear = (date: string) => {
      if (isoDateParts(date).year !== year) throw new Error(`${notice}: ${date} is not in ${year}`);
    };
    for (const { name, from, to } of holidays) {
      inYear(from);
      inYear(to);
      if (from > to) throw new Error(`${notice}: ${name} ends before it starts`);
      for (let day = from; day <= to; day = addDays(day, 1)) this.holidays.set(day, name);
    }
    for (const day of adjustedWorkingDays) {
      inYear(day);
      const weekday = weekdayOf(day);
      if (weekday !== 0 && weekday !== 6) throw new Error(`${notice}: adjusted working day ${day} is not a weekend`);
      if (this.holidays.has(day)) throw new Error(`${notice}: ${day} is both a holiday and a working day`);
      this.adjustedWorkingDays.add(day);
    }
  }
}

/** The calendar of every published notice in libs/policy. */
export const chinaWorkingDayCalendar = new WorkingDayCalendar();
