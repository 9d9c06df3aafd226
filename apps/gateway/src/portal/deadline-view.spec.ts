import { deadlineLineOf, periodZh } from './deadline-view';

describe('deadlines on the pages', () => {
  it('says each kind of policy period as the documents do', () => {
    expect([{ workingDays: 3 }, { days: 20 }, { months: 2 }, { years: 1 }].map(periodZh)).toEqual([
      '3个工作日',
      '20日',
      '2个月',
      '1年',
    ]);
  });

  it('falls back to the legal deadline in Beijing time for tasks opened before dueAtCalendar existed', () => {
    const due = {
      dueAt: '2026-12-02T16:00:00.000Z',
      legalDueAt: '2026-12-02T16:00:00.000Z',
      dueAtCalendar: null,
      timeScale: 1,
      clockAccelerated: false,
      provisional: false,
      calendarBasis: null,
    };
    expect(deadlineLineOf(due, Date.parse('2026-12-03T00:00:00Z'))).toEqual({
      calendar: '2026-12-02 24:00 北京时间',
      overdue: true,
    });
  });
});
