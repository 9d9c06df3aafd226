import type { DeregistrationStatus } from '../../../../../workflows/deregistration/definitions';
import { PageRenderer } from '../../portal/page-renderer';
import { deregistrationReviewContext } from '../../tasks/pages/deregistration-review';
import { deregistrationCaseContext, remainingZh } from './deregistration-case.view';

const now = Date.parse('2026-12-01T02:00:00.000Z');
const due = (dueAt: string, legalDueAt: string, dueAtCalendar: string) => ({
  dueAt,
  legalDueAt,
  dueAtCalendar,
  timeScale: 1,
});
const announcing: DeregistrationStatus = {
  caseId: 'c1',
  applicantId: 'u1',
  timeScale: 1,
  policyVersion: 'simplified-deregistration-2021',
  status: 'announcing',
  steps: [
    { name: 'apply', status: 'done', at: '2026-11-29T02:00:00.000Z' },
    { name: 'announcement', status: 'in-progress', at: '2026-11-29T02:00:00.000Z' },
  ],
  enterprise: {
    creditCode: '91110108MA01234567',
    enterpriseName: '北京星河科技有限公司',
    entityType: 'limited-company',
  },
  announcement: {
    startedAt: '2026-11-29T02:00:00.000Z',
    due: due('2026-12-18T16:00:00.000Z', '2026-12-18T16:00:00.000Z', '2026-12-18 24:00 北京时间'),
    open: true,
  },
  objections: [],
};

describe('the deregistration case page', () => {
  const render = (view: DeregistrationStatus) =>
    new PageRenderer().render('deregistrations/case-progress.njk', {
      session: undefined,
      ...deregistrationCaseContext(view, now),
    });

  it('counts down to the announcement’s end as the documents state it, tax still checking', () => {
    const html = render(announcing);
    expect(html).toContain('公告中');
    expect(html).toContain('2026-12-18 24:00 北京时间');
    expect(html).toContain('还有 17天14小时');
    expect(html).toContain('data-tax-clearance="pending"');
    expect(html).not.toContain('确认申请简易注销');
  });

  it('offers confirmation and the one extension once the period is over, and lists the objections', () => {
    const html = render({
      ...announcing,
      status: 'awaiting-confirmation',
      announcement: { ...announcing.announcement!, open: false },
      objections: [
        {
          objectionId: 'o1',
          by: { id: 'u2', role: 'registrant' },
          name: 'registrant2',
          reason: '尚欠货款',
          contact: '138',
          lodgedAt: '2026-12-02T02:00:00.000Z',
        },
      ],
      taxAnswer: { verdict: 'no-objection', eventId: 'e', at: '2026-11-29T02:00:01.000Z' },
      confirmation: {
        due: due('2027-01-07T16:00:00.000Z', '2027-01-07T16:00:00.000Z', '2027-01-07 24:00 北京时间'),
        extended: false,
      },
    });
    expect(html).toContain('公告期已届满，异议通道已关闭');
    expect(html).toContain('确认申请简易注销');
    expect(html).toContain('申请延长确认期限（至30日）');
    expect(html).toContain('尚欠货款');
    expect(html).toContain('data-tax-clearance="no-objection"');
  });

  it('says the time left in days, hours, minutes or seconds', () => {
    expect(remainingZh('2026-12-01T02:00:40.000Z', now)).toBe('40秒');
    expect(remainingZh('2026-12-01T05:30:00.000Z', now)).toBe('3小时30分');
    expect(remainingZh('2026-11-30T00:00:00.000Z', now)).toBe('0秒');
  });
});

describe("the officer's deregistration review", () => {
  it('offers only 驳回 while an objection stands, tax’s included, and both outcomes otherwise', () => {
    expect(deregistrationReviewContext(announcing).outcomes.map((o) => o.label)).toEqual(['准予注销', '驳回']);
    const taxObjected = deregistrationReviewContext({
      ...announcing,
      taxAnswer: { verdict: 'objection', reason: '有未结清税款', eventId: 'e', at: '2026-12-19T16:00:00.000Z' },
    });
    expect(taxObjected.outcomes.map((o) => o.value)).toEqual(['reject']);
    expect(taxObjected.objections).toEqual([expect.objectContaining({ name: '税务局', reason: '有未结清税款' })]);
    expect(taxObjected.period).toBe('3个工作日');
  });
});
