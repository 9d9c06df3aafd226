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
});
