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
      // 2027 provisional: the statutory days of art. 2 exactly, 1 + 4 + 1 + 2 + 1 + 1 + 3 = 13.
      [2027, [1, 4, 1, 2, 1, 1, 3]],
    ]);
  });

  it('refuses a date in a year without a notice or provisional entry, naming the year', () => {
    expect(() => calendar.isWorkingDay('2028-01-04')).toThrow(CalendarYearNotCovered);
    expect(() => calendar.isWorkingDay('2028-01-04')).toThrow(
      /no holiday arrangement for 2028 \(covered: 2025, 2026, 2027\)/,
    );
    expect(() => calendar.kindOf('2024-12-31')).toThrow(/for 2024/);
  });

  it('refuses a counted period that runs past the covered years', () => {
    expect(() => calendar.nthWorkingDayAfter('2027-12-29', 3)).toThrow(/2028/);
  });

  describe('2027, provisional until its notice is published (statutory days off of 放假办法 art. 2, no 调休)', () => {
    it.each([
      ['元旦', '2027-01-01', '2027-01-01'],
      ['春节', '2027-02-05', '2027-02-08'], // 除夕 (Fri) and 正月初一 to 初三 (Sat to Mon)
      ['清明节', '2027-04-05', '2027-04-05'], // Monday
      ['劳动节', '2027-05-01', '2027-05-02'], // Saturday and Sunday
      ['端午节', '2027-06-09', '2027-06-09'], // Wednesday
      ['中秋节', '2027-09-15', '2027-09-15'], // Wednesday
      ['国庆节', '2027-10-01', '2027-10-03'], // Friday to Sunday
    ])('%s from %s to %s', (name, from, to) => {
      for (const day of daysOff(from, to)) {
        expect([day, calendar.kindOf(day), calendar.holidayOn(day)]).toEqual([day, 'holiday', name]);
      }
    });

    it('works the weekdays around each holiday: no day off is guessed beyond the statutory ones', () => {
      for (const day of ['2026-12-31', '2027-01-04', '2027-02-04', '2027-02-09', '2027-04-06', '2027-05-03']) {
        expect([day, calendar.kindOf(day)]).toEqual([day, 'working-day']);
      }
      for (const day of ['2027-06-08', '2027-06-10', '2027-09-14', '2027-09-16', '2027-10-04']) {
        expect([day, calendar.kindOf(day)]).toEqual([day, 'working-day']);
      }
    });

    it('rests at weekends and works no weekend day (no adjusted working days)', () => {
      for (const day of ['2027-01-02', '2027-01-03', '2027-01-09', '2027-01-10', '2027-02-13', '2027-02-14']) {
        expect([day, calendar.kindOf(day)]).toEqual([day, 'weekend']);
      }
      for (const day of ['2027-09-25', '2027-10-09', '2027-12-25', '2027-12-26']) {
        expect([day, calendar.isWorkingDay(day)]).toEqual([day, false]);
      }
      expect(holidayArrangements.find(({ year }) => year === 2027)?.adjustedWorkingDays).toEqual([]);
    });

    it('is the only provisional year, and says so with its basis and what replaces it', () => {
      expect(holidayArrangements.filter(({ provisional }) => provisional).map(({ year }) => year)).toEqual([2027]);
      expect(calendar.provisionalYearsBetween('2025-01-01', '2026-12-31')).toEqual([]);
      const [entry, ...others] = calendar.provisionalYearsBetween('2026-12-31', '2027-01-04');
      expect(others).toEqual([]);
      expect(entry?.year).toBe(2027);
      expect(entry?.basis.basis).toMatch(/art\. 2/);
      expect(entry?.basis.replacedBy).toBe('国务院办公厅关于2027年部分节假日安排的通知');
      expect(entry?.basis.note).toMatch(/^按法定节假日暂算.*2027年放假安排公布后以通知为准$/);
    });
  });

  it('refuses inconsistent data: an adjusted working day on a weekday, a date outside its year', () => {
    const base = { year: 2030, notice: 'test', publishedOn: '2029-11-01', source: 'test', holidays: [] };
    expect(() => new WorkingDayCalendar([{ ...base, adjustedWorkingDays: ['2030-01-02'] }])).toThrow(/not a weekend/);
    expect(() => new WorkingDayCalendar([{ ...base, adjustedWorkingDays: ['2031-01-04'] }])).toThrow(/not in 2030/);
  });
});
