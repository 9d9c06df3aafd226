import { PageRenderer } from '../../portal/page-renderer';
import type { RegistrationView } from '../registration-view';
import { progressContext } from './case.page';

const at = '2026-12-28T02:00:00.000Z';
const note = '本地加速时钟：计时器按 1/86400 的时间运行（GOVFLOW_TIME_SCALE=86400）';
const due = {
  dueAt: '2026-12-28T02:00:04.000Z',
  legalDueAt: '2026-12-30T16:00:00.000Z',
  dueAtCalendar: '2026-12-30 24:00 北京时间',
  timeScale: 86400,
  clockAccelerated: true,
  provisional: true,
  calendarBasis: '按法定节假日暂算，2027年放假安排公布后以通知为准',
};

// The live part of the case page as the registrant reads it, rendered from a case view of the API.
describe('the case progress template', () => {
  const render = (view: RegistrationView) =>
    new PageRenderer().render('registrations/case-progress.njk', { session: undefined, ...progressContext(view) });

  it('says the clock is accelerated with the API’s note, and why a provisional deadline may move', () => {
    const html = render({
      caseId: 'c',
      status: 'under-review',
      clock: { timeScale: 86400, accelerated: true, note },
      steps: [
        { name: 'submit-application', status: 'done', at },
        { name: 'officer-review', round: 1, status: 'in-progress', at, due },
      ],
      requiredPermits: [],
    });
    expect(html).toContain('本办件使用加速时钟');
    expect(html).toContain(note);
    expect(html).toContain('办理期限：2026-12-30 24:00 北京时间');
    expect(html).toContain('按法定节假日暂算，2027年放假安排公布后以通知为准');
  });

  it('shows a refused case as 不予受理 with each failed name rule', () => {
    const message = '字号不得使用县级以上行政区划名称：字号“海淀”是行政区划北京市海淀区的名称';
    const html = render({
      caseId: 'c',
      status: 'refused',
      clock: { timeScale: 1, accelerated: false },
      steps: [{ name: 'submit-application', status: 'refused', at }],
      requiredPermits: [],
      refusal: {
        message: 'name refused',
        problems: [{ code: 'trade-name-is-place-name', field: 'name.tradeName', message }],
      },
    });
    expect(html).toContain('申请不予受理');
    expect(html).toContain(message);
    expect(html).not.toContain('本办件使用加速时钟');
    expect(html).not.toContain('未开始');
  });
});
