import { failureZh, taskKindZh, taskRuleZh } from './task-labels';

describe('task labels', () => {
  it('says a refusal plainly: by its failure type, or in the workflow’s own Chinese without request syntax', () => {
    expect(failureZh('FourEyesViolation', 'reg-officer1 is the applicant of this case')).toContain('四眼原则');
    const confirmation =
      '名称“北京星河科技有限公司”与投资关联企业 91110108MA00000000 的字号相同，核准前须确认投资关联关系' +
      '（confirms: ["investment-link:91110108MA00000000"]）';
    expect(failureZh('ConfirmationRequired', confirmation)).toBe(
      '名称“北京星河科技有限公司”与投资关联企业 91110108MA00000000 的字号相同，核准前须确认投资关联关系',
    );
    expect(failureZh('NameUnavailable', '名称“北京海淀科技有限公司”现已不可用，不能核准')).toBe(
      '名称“北京海淀科技有限公司”现已不可用，不能核准',
    );
  });

  it('takes the review period of its rule from the policy in force when the case started', () => {
    expect(taskRuleZh('registration-review', '2026-11-29T08:00:00.000Z')).toContain('3个工作日内作出决定');
  });

  it('names the science commission’s tasks in Chinese', () => {
    expect(
      [
        'maker-space-review',
        'grant-review',
        'expert-review',
        'objection-review',
        'grant-payment',
        'clawback-confirmation',
        'assessment-guidance',
      ].map(taskKindZh),
    ).toEqual([
      '众创空间认定审核',
      '资金支持申请审核',
      '专家评审',
      '公示异议处理',
      '资金拨付',
      '收回资金确认',
      '年度考核不合格指导',
    ]);
  });

  it('names the permit authorities’ tasks in Chinese, the renewal review among them', () => {
    const kinds = ['permit-materials', 'permit-review', 'permit-renewal-review', 'spot-check'];
    expect(kinds.map(taskKindZh)).toEqual(['许可申请材料审查', '许可审查决定', '许可延续审查', '告知承诺核查']);
    expect(taskRuleZh('permit-renewal-review')).toContain('有效期重新计算');
  });
});
