import { PageRenderer } from '../../portal/page-renderer';

describe('the voucher pages’ templates', () => {
  const renderer = new PageRenderer();
  const session = { csrfToken: 'csrf', actor: { id: 'provider1', username: 'provider1', role: 'provider' } };
  const view = {
    voucherId: '6d0553ae-69dc-5f03-aab8-a947c0cbff7e',
    status: 'contracted',
    claimantId: 'registrant1',
    enterpriseName: '北京通州星河科技有限公司',
    creditCode: '91110112MA01VOCH1X',
    amount: '80000.00',
    claimedAt: '2026-11-29T05:00:00.000Z',
    activity: { providerId: 'provider1', description: '新材料性能检测' },
  };

  it('offers the provider the delivery form of a contracted voucher, in Chinese', () => {
    const html = renderer.render('science/voucher-case.njk', {
      title: '科技创新券',
      session,
      view,
      statusLabel: '合同已确认，有效期内',
      validUntil: '2027-02-28 24:00 北京时间',
      may: { activity: false, contract: false, delivery: true, redemption: false },
      form: {},
      errors: [],
    });
    expect(html).toContain('data-step-form="delivery"');
    expect(html).not.toContain('data-step-form="contract"');
    expect(html).toContain('有效期至');
  });

  it('lists the firm’s vouchers and offers the claim form', () => {
    const html = renderer.render('science/voucher-list.njk', {
      title: '科技创新券',
      session: { ...session, actor: { id: 'registrant1', username: 'registrant1', role: 'registrant' } },
      vouchers: [{ ...view, statusLabel: '合同已确认，有效期内' }],
      mayClaim: true,
      enterprises: [{ creditCode: view.creditCode, enterpriseName: view.enterpriseName }],
      form: {},
      errors: [{ field: 'amount', message: '请以元为单位填写金额' }],
      idempotencyKey: 'key',
    });
    expect(html).toContain(`/portal/vouchers/${view.voucherId}`);
    expect(html).toContain('申领创新券');
    expect(html).toContain('请以元为单位填写金额');
  });
});
