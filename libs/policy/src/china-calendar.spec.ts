import { chinaIsoDate, isWithinPeriod, periodEndsAt, startOfChinaDay } from './china-calendar';

describe(startOfChinaDay.name, () => {
  it('is midnight in Beijing, 16:00 UTC the day before', () => {
    expect(startOfChinaDay('2021-08-01').toISOString()).toBe('2021-07-31T16:00:00.000Z');
  });

  it.each(['2021-8-1', '2021-02-30', 'yesterday'])('refuses %s', (bad) => {
    expect(() => startOfChinaDay(bad)).toThrow(RangeError);
  });
});

describe(periodEndsAt.name, () => {
  const beijing = (local: string) => new Date(`${local}+08:00`);

  it('ends at 24:00 of the corresponding day of the final month', () => {
    expect(periodEndsAt(beijing('2024-01-15T10:30:00'), { months: 2 })).toEqual(beijing('2024-03-16T00:00:00'));
  });

  it('uses the last day of the final month when it has no corresponding day', () => {
    expect(periodEndsAt(beijing('2024-12-31T09:00:00'), { months: 2 })).toEqual(beijing('2025-03-01T00:00:00'));
    expect(periodEndsAt(beijing('2024-02-29T09:00:00'), { years: 1 })).toEqual(beijing('2025-03-01T00:00:00'));
  });

  it('does not count the starting day in a period of days', () => {
    expect(periodEndsAt(beijing('2024-01-15T23:59:00'), { days: 20 })).toEqual(beijing('2024-02-05T00:00:00'));
  });

  it('counts the Beijing calendar day even when UTC is still on the day before', () => {
    // 2024-01-31 01:00 in Beijing is 2024-01-30 in UTC; the month must run from the 31st.
    expect(periodEndsAt(beijing('2024-01-31T01:00:00'), { months: 1 })).toEqual(beijing('2024-03-01T00:00:00'));
  });

  it('refuses negative or fractional periods', () => {
    expect(() => periodEndsAt(new Date(), { days: -1 })).toThrow(RangeError);
    expect(() => periodEndsAt(new Date(), { months: 1.5 })).toThrow(RangeError);
  });
});

describe(isWithinPeriod.name, () => {
  const start = new Date('2024-01-15T10:00:00+08:00');

  it('runs through the last day and stops at its midnight', () => {
    expect(isWithinPeriod(start, { months: 2 }, new Date('2024-03-15T23:59:59+08:00'))).toBe(true);
    expect(isWithinPeriod(start, { months: 2 }, new Date('2024-03-16T00:00:00+08:00'))).toBe(false);
  });
});

describe(chinaIsoDate.name, () => {
  it('names the Beijing day, which starts 8 hours before the UTC one', () => {
    expect(chinaIsoDate(new Date('2021-07-31T16:00:00Z'))).toBe('2021-08-01');
    expect(chinaIsoDate(new Date('2021-07-31T15:59:59Z'))).toBe('2021-07-31');
  });
});
