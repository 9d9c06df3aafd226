import { resolveReminder, resolveValidity } from './validity';

describe(resolveValidity.name, () => {
  it('ends a 5-year validity at 24:00 Beijing time of the corresponding day, never moved to a working day', () => {
    // 2031-11-29 is a Saturday: a validity is not a time limit, so it is not moved.
    expect(resolveValidity({ period: { years: 5 }, from: '2026-11-29T02:00:00.000Z' })).toEqual({
      lastDay: '2031-11-29',
      validUntil: '2031-11-29T16:00:00.000Z',
    });
  });

  it('refuses working days, which a validity is never stated in', () => {
    expect(() => resolveValidity({ period: { workingDays: 5 }, from: '2026-11-29T02:00:00.000Z' })).toThrow(RangeError);
  });
});

describe(resolveReminder.name, () => {
  it('counts 30 working days back from the last valid day, skipping weekends and 国庆节', () => {
    // From Friday 2026-11-13: 9 working days in November, 18 in October (01–07 off, Saturday 10-10 worked), 3 in September.
    const reminder = resolveReminder({ lastDay: '2026-11-13', workingDays: 30 });
    expect(reminder.day).toBe('2026-09-28');
    expect(reminder.at).toBe('2026-09-27T16:00:00.000Z');
    expect(reminder.provisional).toBeUndefined();
  });

  it('says when the counting ran through a provisional year', () => {
    expect(resolveReminder({ lastDay: '2027-03-31', workingDays: 30 })).toMatchObject({ provisional: true });
  });
});
