import { resolveDeadline } from '@govflow/policy';
import { toTaskDueView } from './task-due';

const provisionalNote = /^按法定节假日暂算.*2027年放假安排公布后以通知为准$/;

describe(toTaskDueView.name, () => {
  it('states a deadline counted into a provisional year as provisional, with the reason in Chinese', () => {
    const due = resolveDeadline({ period: { workingDays: 3 }, from: '2026-12-31T02:00:00.000Z', timeScale: 1 });
    expect(toTaskDueView(due)).toEqual({
      dueAt: '2027-01-06T16:00:00.000Z',
      legalDueAt: '2027-01-06T16:00:00.000Z',
      dueAtCalendar: '2027-01-06 24:00 北京时间',
      timeScale: 1,
      clockAccelerated: false,
      provisional: true,
      calendarBasis: expect.stringMatching(provisionalNote),
    });
  });

  it('states a deadline on published notices as not provisional', () => {
    const due = resolveDeadline({ period: { workingDays: 3 }, from: '2026-12-28T02:00:00.000Z', timeScale: 1 });
    expect(toTaskDueView(due)).toMatchObject({ dueAtCalendar: '2026-12-31 24:00 北京时间', provisional: false });
    expect(toTaskDueView(due).calendarBasis).toBeNull();
  });

  it('reads tasks from before the provisional calendar (no such fields, or the inbox row’s nulls) as not provisional', () => {
    const older = { dueAt: '2026-11-20T16:00:00.000Z', legalDueAt: '2026-11-20T16:00:00.000Z', timeScale: 1 };
    expect(toTaskDueView(older)).toMatchObject({ provisional: false, calendarBasis: null });
    expect(toTaskDueView({ ...older, provisional: null, calendarBasis: null })).toMatchObject({ provisional: false });
  });
});
