import type { RegistrationView } from '../registration-view';
import { stepLinesOf } from './case-steps';

const view = (status: RegistrationView['status'], steps: RegistrationView['steps']): RegistrationView => ({
  caseId: 'c',
  status,
  clock: { timeScale: 1, accelerated: false },
  steps,
  requiredPermits: [],
});
const at = '2026-11-29T08:00:00.000Z';

describe('stepLinesOf', () => {
  it('lists the steps reached, each review round apart, then the steps still to come', () => {
    const lines = stepLinesOf(
      view('under-review', [
        { name: 'submit-application', status: 'done', at },
        { name: 'officer-review', round: 1, status: 'information-requested', at },
        { name: 'supplement', round: 1, status: 'done', at },
        { name: 'officer-review', round: 2, status: 'in-progress', at },
      ]),
    );
    expect(lines.map((line) => [line.title, line.status.label])).toEqual([
      ['申请', '已完成'],
      ['审核', '需补正'],
      ['补正', '已完成'],
      ['审核（第2轮）', '办理中'],
      ['发照', '未开始'],
      ['税务登记', '未开始'],
      ['后置许可告知', '未开始'],
    ]);
    expect(lines.find((line) => line.title === '税务登记')?.department).toBe('税务局');
  });

  it('ends a rejected case at its review', () => {
    const lines = stepLinesOf(
      view('rejected', [
        { name: 'submit-application', status: 'done', at },
        { name: 'officer-review', round: 1, status: 'rejected', at },
      ]),
    );
    expect(lines.map((line) => line.status.label)).toEqual(['已完成', '不予登记']);
  });

  it('ends a refused case at its submission, not accepted (不予受理)', () => {
    const lines = stepLinesOf(view('refused', [{ name: 'submit-application', status: 'refused', at }]));
    expect(lines.map((line) => [line.title, line.status.label])).toEqual([['申请', '不予受理']]);
  });

  const due = {
    dueAt: '2026-12-03T16:00:00.000Z',
    legalDueAt: '2026-12-03T16:00:00.000Z',
    dueAtCalendar: '2026-12-03 24:00 北京时间',
    timeScale: 1,
    clockAccelerated: false,
    provisional: false,
    calendarBasis: null,
  };

  it("shows the open review's real deadline with the period of the policy, and marks it overdue once past", () => {
    const steps: RegistrationView['steps'] = [
      { name: 'submit-application', status: 'done', at },
      { name: 'officer-review', round: 1, status: 'in-progress', at, due },
    ];
    const [, review] = stepLinesOf(view('under-review', steps), Date.parse('2026-12-01T00:00:00Z'));
    expect(review).toMatchObject({
      timeLimit: '3个工作日内作出决定',
      status: { label: '办理中' },
      deadline: { calendar: '2026-12-03 24:00 北京时间', overdue: false },
    });
    const [, late] = stepLinesOf(view('under-review', steps), Date.parse('2026-12-04T00:00:00Z'));
    expect(late).toMatchObject({ status: { label: '已超期' }, deadline: { overdue: true } });
  });

  it('says when the clock is accelerated and when a deadline was counted on a provisional year', () => {
    const accelerated = { ...due, dueAt: '2026-11-29T08:00:05.000Z', timeScale: 86400, clockAccelerated: true };
    const provisional = { ...accelerated, provisional: true, calendarBasis: '按法定节假日暂算' };
    const steps: RegistrationView['steps'] = [
      { name: 'submit-application', status: 'done', at },
      { name: 'officer-review', round: 1, status: 'in-progress', at, due: provisional },
    ];
    const [, review] = stepLinesOf(view('under-review', steps), Date.parse(at));
    expect(review?.deadline).toEqual({
      calendar: '2026-12-03 24:00 北京时间',
      overdue: false,
      escalatesAt: '2026/11/29 16:00:05',
      provisionalBasis: '按法定节假日暂算',
    });
  });

  it('leaves the deadline off a review once it is decided', () => {
    const steps: RegistrationView['steps'] = [
      { name: 'submit-application', status: 'done', at },
      { name: 'officer-review', round: 1, status: 'done', at, due },
    ];
    expect(stepLinesOf(view('approved', steps))[1]?.deadline).toBeUndefined();
  });
});
