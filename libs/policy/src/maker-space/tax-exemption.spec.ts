import { firstDayOfNextChinaMonth } from './tax-exemption';

describe(firstDayOfNextChinaMonth.name, () => {
  it('starts on the first day of the next month', () => {
    expect(firstDayOfNextChinaMonth(new Date('2026-11-29T09:00:00+08:00'))).toBe('2026-12-01');
  });

  it('rolls December over into January of the next year', () => {
    expect(firstDayOfNextChinaMonth(new Date('2026-12-15T09:00:00+08:00'))).toBe('2027-01-01');
  });

  it('counts the month in Beijing: 23:30 UTC on the 31st is already the 1st there', () => {
    expect(firstDayOfNextChinaMonth(new Date('2026-10-31T17:30:00Z'))).toBe('2026-12-01');
  });
});
