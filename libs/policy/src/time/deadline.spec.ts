import { acceleratedInstant, assertTimeScale, lastDayOfPeriod, legalDeadline, resolveDeadline } from './deadline';

const beijing = (local: string) => new Date(`${local}+08:00`);

describe('the deadline resolver (Civil Code counting, Beijing time, working-day calendar)', () => {
  it('does not count the starting day and ends at 24:00 Beijing time of the last day', () => {
    expect(legalDeadline(beijing('2026-11-16T09:00:00'), { days: 3 })).toEqual(beijing('2026-11-20T00:00:00'));
    expect(legalDeadline(beijing('2026-11-16T23:59:59'), { days: 3 })).toEqual(beijing('2026-11-20T00:00:00'));
  });

  it('counts from the Beijing day even when UTC is still on the day before', () => {
    // 2026-11-17 01:00 in Beijing is 2026-11-16 17:00 UTC: the period starts on the 17th.
    expect(legalDeadline(new Date('2026-11-16T17:00:00Z'), { days: 1 })).toEqual(beijing('2026-11-19T00:00:00'));
  });

  it('counts working days only, skipping weekends: 3 working days from a Friday end on Wednesday', () => {
    expect(lastDayOfPeriod(beijing('2026-11-27T15:00:00'), { workingDays: 3 })).toBe('2026-12-02');
  });

  it('counts 3 working days from the eve of the National Day week to the adjusted Saturday after it', () => {
    // 2026: 10-01 … 10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班) work.
    expect(resolveDeadline({ period: { workingDays: 3 }, from: '2026-09-30T08:00:00.000Z', timeScale: 1 })).toEqual({
      period: { workingDays: 3 },
      from: '2026-09-30T08:00:00.000Z',
      legalDueAt: '2026-10-10T16:00:00.000Z',
      dueAtCalendar: '2026-10-10 24:00 北京时间',
      dueAt: '2026-10-10T16:00:00.000Z',
      timeScale: 1,
    });
    // 2025: 10-01 … 10-08 off (国庆节 with 中秋节); 10-09, 10-10, 10-11 (调休上班).
    expect(lastDayOfPeriod(beijing('2025-09-30T16:00:00'), { workingDays: 3 })).toBe('2025-10-11');
  });

  it('counts a period of working days across the Spring Festival', () => {
    // 2026: 02-14 Sat works, 02-15 … 02-23 off.
    expect(lastDayOfPeriod(beijing('2026-02-13T10:00:00'), { workingDays: 3 })).toBe('2026-02-25');
    // 2025 from Friday 01-24: 01-26 (Sun, worked) and 01-27 count, 01-28 … 02-04 are off, then 02-05, 02-06, 02-07.
    expect(lastDayOfPeriod(beijing('2025-01-24T10:00:00'), { workingDays: 5 })).toBe('2025-02-07');
  });

  it('counts a period submitted on a holiday from the first working day after it', () => {
    expect(lastDayOfPeriod(beijing('2026-02-16T10:00:00'), { workingDays: 1 })).toBe('2026-02-24');
  });

  it('moves a period of days whose last day is a holiday to the next working day (民法典 art. 203)', () => {
    // 20 days from 2026-09-11 end on 10-01, a holiday: the period runs to 10-08, the first working day after.
    expect(lastDayOfPeriod(beijing('2026-09-11T10:00:00'), { days: 20 })).toBe('2026-10-08');
    expect(legalDeadline(beijing('2026-09-11T10:00:00'), { days: 20 })).toEqual(beijing('2026-10-09T00:00:00'));
  });

  it('moves a last day that falls on a weekend to the Monday', () => {
    expect(lastDayOfPeriod(beijing('2026-11-20T10:00:00'), { days: 8 })).toBe('2026-11-30');
  });

  it('keeps a last day that falls on an adjusted working day', () => {
    // 2026-02-28 is a Saturday worked under the 2026 notice.
    expect(lastDayOfPeriod(beijing('2026-01-31T10:00:00'), { months: 1 })).toBe('2026-02-28');
  });

  it('ends months and years on the corresponding day, or the month’s last day when it has none', () => {
    expect(lastDayOfPeriod(beijing('2025-01-31T10:00:00'), { months: 1 })).toBe('2025-02-28');
    expect(lastDayOfPeriod(beijing('2025-03-16T10:00:00'), { months: 2 })).toBe('2025-05-16');
    expect(lastDayOfPeriod(beijing('2025-06-10T10:00:00'), { years: 1 })).toBe('2026-06-10');
  });

  it('moves a month period ending in the Spring Festival to the first working day after it', () => {
    expect(lastDayOfPeriod(beijing('2026-01-16T10:00:00'), { months: 1 })).toBe('2026-02-24');
  });

  it('refuses a period that ends in a year without a notice or provisional entry, naming the year', () => {
    expect(() => legalDeadline(beijing('2027-12-01T10:00:00'), { months: 1 })).toThrow(
      /no holiday arrangement for 2028/,
    );
  });

  it.each([{}, { days: 0 }, { days: 1.5 }, { weeks: 1 }, { days: 1, months: 1 }])('refuses the period %p', (period) => {
    expect(() => legalDeadline(new Date('2026-03-02T02:00:00Z'), period as never)).toThrow(RangeError);
  });
});

describe('deadlines counted on a provisional year (2027 until its notice is published)', () => {
  const note = /^按法定节假日暂算.*2027年放假安排公布后以通知为准$/;

  it('marks a period that runs from 2026-12-31 into 2027 as provisional, with the reason in Chinese', () => {
    // Thursday 2026-12-31: 2027-01-01 (元旦, Fri) off, 01-02 and 01-03 weekend, then 01-04, 01-05, 01-06.
    const deadline = resolveDeadline({ period: { workingDays: 3 }, from: '2026-12-31T02:00:00.000Z', timeScale: 1 });
    expect(deadline).toEqual({
      period: { workingDays: 3 },
      from: '2026-12-31T02:00:00.000Z',
      legalDueAt: '2027-01-06T16:00:00.000Z',
      dueAtCalendar: '2027-01-06 24:00 北京时间',
      dueAt: '2027-01-06T16:00:00.000Z',
      timeScale: 1,
      provisional: true,
      calendarBasis: expect.stringMatching(note),
    });
  });

  it('does not mark a period wholly in 2026, even one ending on its last day', () => {
    const deadline = resolveDeadline({ period: { workingDays: 3 }, from: '2026-12-28T02:00:00.000Z', timeScale: 1 });
    expect(deadline.dueAtCalendar).toBe('2026-12-31 24:00 北京时间');
    expect(deadline).not.toHaveProperty('provisional');
    expect(deadline).not.toHaveProperty('calendarBasis');
  });

  it('counts the Spring Festival as 除夕 to 初三 only, no 调休 guessed', () => {
    // Wednesday 2027-02-03: 02-04 (Thu) works, 02-05 … 02-08 off, 02-09 and 02-10 work.
    expect(lastDayOfPeriod(beijing('2027-02-03T10:00:00'), { workingDays: 3 })).toBe('2027-02-10');
  });

  it('moves a last day on a provisional holiday to the next working day, and marks it', () => {
    // 2027-09-15 (中秋节, Wed) is 20 days after 08-26: the period runs to Thursday 09-16.
    const deadline = resolveDeadline({ period: { days: 20 }, from: '2027-08-26T02:00:00.000Z', timeScale: 1 });
    expect(deadline.dueAtCalendar).toBe('2027-09-16 24:00 北京时间');
    expect(deadline.provisional).toBe(true);
  });

  it('marks an accelerated deadline in 2027 too, the scale unchanged', () => {
    const deadline = resolveDeadline({
      period: { workingDays: 3 },
      from: '2027-09-30T02:00:00.000Z',
      timeScale: 86_400,
    });
    // 国庆节 10-01 … 10-03 (Fri to Sun): 10-04, 10-05, 10-06.
    expect(deadline.dueAtCalendar).toBe('2027-10-06 24:00 北京时间');
    expect([deadline.provisional, deadline.timeScale]).toEqual([true, 86_400]);
  });
});

describe('the accelerated clock', () => {
  const from = '2026-09-30T08:00:00.000Z';

  it('divides the gap from now to the real deadline by the scale, the deadline itself unchanged', () => {
    const deadline = resolveDeadline({ period: { workingDays: 3 }, from, timeScale: 86_400 });
    expect(deadline.legalDueAt).toBe('2026-10-10T16:00:00.000Z');
    expect(deadline.dueAtCalendar).toBe('2026-10-10 24:00 北京时间');
    // 10 days and 8 hours become 10.33 seconds.
    expect(deadline.dueAt).toBe('2026-09-30T08:00:10.334Z');
    expect(deadline.timeScale).toBe(86_400);
  });

  it('is real time at scale 1', () => {
    const legal = new Date('2026-10-10T16:00:00.000Z');
    expect(acceleratedInstant(new Date(from), legal, 1)).toEqual(legal);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the scale %p', (scale) => {
    expect(() => assertTimeScale(scale)).toThrow(RangeError);
  });
});
