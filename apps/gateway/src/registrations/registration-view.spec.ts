import { resolveDeadline } from '@govflow/policy';
import { toRegistrationView } from './registration-view';
import type { RegistrationStatus } from '../../../../workflows/registration/definitions';

const caseUnderReview = (from: string): RegistrationStatus => {
  const due = resolveDeadline({ period: { workingDays: 3 }, from, timeScale: 1 });
  return {
    caseId: 'case-1',
    timeScale: 1,
    status: 'under-review',
    steps: [
      { name: 'submit-application', status: 'done', at: from },
      { name: 'officer-review', round: 1, status: 'in-progress', at: from, due },
    ],
    requiredPermits: [],
  };
};

describe(toRegistrationView.name, () => {
  it('says on the review step when its deadline was counted on the provisional 2027 calendar', () => {
    const view = toRegistrationView(caseUnderReview('2026-12-31T02:00:00.000Z'));
    const review = view.steps.find(({ name }) => name === 'officer-review');
    expect(review?.due).toMatchObject({
      dueAtCalendar: '2027-01-06 24:00 北京时间',
      provisional: true,
      calendarBasis: expect.stringMatching(/^按法定节假日暂算.*2027年放假安排公布后以通知为准$/),
    });
  });

  it('shows a deadline wholly on a published notice as not provisional', () => {
    const view = toRegistrationView(caseUnderReview('2026-12-01T02:00:00.000Z'));
    const review = view.steps.find(({ name }) => name === 'officer-review');
    expect(review?.due).toMatchObject({ provisional: false, calendarBasis: null });
  });
});
