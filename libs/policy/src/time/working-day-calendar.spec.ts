import { holidayArrangements } from './holiday-arrangements.data';
import {
  CalendarYearNotCovered,
  chinaWorkingDayCalendar as calendar,
  WorkingDayCalendar,
} from './working-day-calendar';

const daysOff = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
};

describe(WorkingDayCalendar.name, () => {
  it('works Monday to Friday and rests at weekends outside any arrangement', () => {
    expect(calendar.kindOf('2026-11-27')).toBe('working-day'); // Friday
    expect(calendar.kindOf('2026-11-28')).toBe('weekend');
    expect(calendar.kindOf('2026-11-29')).toBe('weekend');
    expect(calendar.kindOf('2026-11-30')).toBe('working-day');
  });

  // 国办发明电〔2024〕12号: the first year with one more day for 春节 (from 除夕) and for 劳动节.
  it.each([
    ['元旦', '2025-01-01', '2025-01-01'],
    ['春节', '2025-01-28', '2025-02-04'],
    ['清明节', '2025-04-04', '2025-04-06'],
    ['劳动节', '2025-05-01', '2025-05-05'],
    ['端午节', '2025-05-31', '2025-06-02'],
    ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
  ])('2025: %s from %s to %s', (name, from, to) => {
    for (const day of daysOff(from, to)) expect([day, calendar.holidayOn(day)]).toEqual([day, name]);
  });

  it('2025: works the five adjusted weekend days and no other weekend day near them', () => {
    for (const day of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) {
      expect([day, calendar.kindOf(day)]).toEqual([day, 'adjusted-working-day']);
    }
    expect(calendar.kindOf('2025-01-25')).toBe('weekend');
    expect(calendar.kindOf('2025-02-09')).toBe('weekend');
    expect(calendar.kindOf('2025-10-12')).toBe('weekend');
  });

  it.each([
    ['元旦', '2026-01-01', '2026-01-03'],
    ['春节', '2026-02-15', '2026-02-23'],
    ['清明节', '2026-04-04', '2026-04-06'],
    ['劳动节', '2026-05-01', '2026-05-05'],
    ['端午节', '2026-06-19', '2026-06-21'],
    ['中秋节', '2026-09-25', '2026-09-27'],
    ['国庆节', '2026-10-01', '2026-10-07'],
  ])('2026: %s from %s to %s', (name, from, to) => {
    for (const day of daysOff(from, to)) expect([day, calendar.holidayOn(day)]).toEqual([day, name]);
  });

  it('2026: works the six adjusted weekend days', () => {
    for (const day of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, true]);
    }
    expect(calendar.kindOf('2026-10-08')).toBe('working-day');
    expect(calendar.kindOf('2026-10-11')).toBe('weekend');
  });

  it('counts exactly the published number of days off for each holiday', () => {
    const lengths = holidayArrangements.map(({ year, holidays }) => [
      year,
      holidays.map(({ from, to }) => daysOff(from, to).length),
    ]);
    expect(lengths).toEqual([
      [2025, [1, 8, 3, 5, 3, 8]],
      [2026, [3, 9, 3, 5, 3, 3, 7]],
    ]);
  });

  it('refuses a date in a year without a notice, naming the year', () => {
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearNotCovered);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(
      /no holiday arrangement for 2027 \(covered: 2025, 2026\)/,
    );
    expect(() => calendar.kindOf('2024-12-31')).toThrow(/for 2024/);
  });

  it('refuses a counted period that runs past the covered years', () => {
    expect(() => calendar.nthWorkingDayAfter('2026-12-29', 3)).toThrow(/2027/);
  });

  it('refuses inconsistent data: an adjusted working day on a weekday, a date outside its year', () => {
    const base = { year: 2030, notice: 'test', publishedOn: '2029-11-01', source: 'test', holidays: [] };
    expect(() => new WorkingDayCalendar([{ ...base, adjustedWorkingDays: ['2030-01-02'] }])).toThrow(/not a weekend/);
    expect(() => new WorkingDayCalendar([{ ...base, adjustedWorkingDays: ['2031-01-04'] }])).toThrow(/not in 2030/);
  });
});
