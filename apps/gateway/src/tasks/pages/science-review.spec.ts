import type { PortalApi } from '../../portal/portal-api';
import { isScienceTask, scienceFieldErrors, scienceReviewContext } from './science-review';

const apiAnswering = (body: object) => {
  const paths: string[] = [];
  const api = {
    call: (_method: string, path: string) => {
      paths.push(path);
      return Promise.resolve({ ok: true, status: 200, body, errors: [] });
    },
  } as unknown as PortalApi;
  return { api, paths };
};

describe('science task decision forms', () => {
  it('knows the six science kinds and nothing else', () => {
    const kinds = [
      'maker-space-review',
      'grant-review',
      'expert-review',
      'objection-review',
      'grant-payment',
      'clawback-confirmation',
    ];
    expect(kinds.every(isScienceTask)).toBe(true);
    expect(isScienceTask('registration-review')).toBe(false);
  });

  it('offers an objection review as upheld or dismissed, read from the grant', async () => {
    const { api, paths } = apiAnswering({
      status: 'objections-open',
      creditCode: '91110108MA01',
      objections: [{ realName: 'registrant2', anonymous: false, reason: '不实', status: 'open' }],
    });
    const context = await scienceReviewContext(api, 'objection-review', 'c1');
    expect(paths).toEqual(['/api/grants/c1']);
    expect(context.outcomes.map((o) => o.label)).toEqual(['异议成立（撤销资助）', '异议不成立（驳回异议）']);
    expect(context.caseStatus).toBe('异议处理中');
    expect(context.objections[0]!.statusLabel).toBe('待处理');
    expect(context.caseLink).toBe('/portal/grants/c1');
  });

  it('reads a recognition review from the maker-space case, and asks experts for a score', async () => {
    const { api, paths } = apiAnswering({ status: 'under-review', creditCode: 'x', level: 'national' });
    const recognition = await scienceReviewContext(api, 'maker-space-review', 'm1');
    expect(paths).toEqual(['/api/maker-spaces/m1']);
    expect([recognition.caseStatus, recognition.levelLabel, recognition.scored]).toEqual([
      '认定审核中',
      '国家级',
      undefined,
    ]);
    expect((await scienceReviewContext(api, 'expert-review', 'g1')).scored).toBe(true);
  });

  it('shows a missing or malformed score on the score field', () => {
    expect(scienceFieldErrors([{ field: null, message: '评分须为 0–100 的整数' }])).toEqual([
      { field: 'score', message: '请填写 0–100 的整数评分' },
    ]);
    expect(scienceFieldErrors([{ field: 'reason', message: '请填写理由' }])).toEqual([
      { field: 'reason', message: '请填写理由' },
    ]);
  });
});
