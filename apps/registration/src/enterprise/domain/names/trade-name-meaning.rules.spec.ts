import { namePolicyV1 } from '@govflow/policy';
import { type NameCheckContext, type NameProposal } from './name-proposal';
import { tradeNameIsLongEnough, tradeNameIsNotIndustryTerm, tradeNameIsNotPlaceName } from './trade-name-meaning.rules';

const context: NameCheckContext = {
  applicantId: 'applicant-1',
  registeringCity: '北京',
  applicantTrademarks: [],
  existingNames: [],
  now: new Date('2024-06-01T00:00:00+08:00'),
};
const withTradeName = (tradeName: string): NameProposal => ({
  division: '北京',
  tradeName,
  industry: '科技',
  organisationForm: '有限公司',
});
const codes = (rule: typeof tradeNameIsLongEnough, tradeName: string) =>
  rule(withTradeName(tradeName), context, namePolicyV1).map((p) => p.code);

describe(tradeNameIsLongEnough.name, () => {
  it('wants at least 2 characters', () => {
    expect(codes(tradeNameIsLongEnough, '星河')).toEqual([]);
    expect(codes(tradeNameIsLongEnough, '星')).toEqual(['trade-name-too-short']);
    expect(codes(tradeNameIsLongEnough, '')).toEqual(['trade-name-too-short']);
  });

  it('counts characters, not UTF-16 units', () => {
    // 𠀀 is one character outside the basic plane; with 星 that makes two.
    expect(codes(tradeNameIsLongEnough, '星𠀀')).toEqual([]);
    expect(tradeNameIsLongEnough(withTradeName('星'), context, namePolicyV1)[0]?.message).toMatch(/“星”只有1个字/);
  });
});

describe(tradeNameIsNotPlaceName.name, () => {
  it.each([
    '海淀',
    '朝阳',
    '通州',
    '东城',
    '西城',
    '丰台',
    '石景山',
    '门头沟',
    '房山',
    '顺义',
    '昌平',
    '大兴',
    '怀柔',
    '平谷',
    '密云',
    '延庆',
  ])('refuses the Beijing district %s', (district) => {
    expect(codes(tradeNameIsNotPlaceName, district)).toEqual(['trade-name-is-place-name']);
  });

  it.each(['北京', '上海市', '广东', '深圳', '新疆', '海淀区'])('refuses the place name %s', (place) => {
    expect(codes(tradeNameIsNotPlaceName, place)).toEqual(['trade-name-is-place-name']);
  });

  it('allows a trade name that merely contains a place name', () => {
    expect(codes(tradeNameIsNotPlaceName, '海淀星河')).toEqual([]);
  });
});

describe(tradeNameIsNotIndustryTerm.name, () => {
  it.each(['科技', '信息技术', '贸易', '餐饮'])('refuses the industry term %s', (term) => {
    expect(codes(tradeNameIsNotIndustryTerm, term)).toEqual(['trade-name-is-industry-term']);
  });

  it('allows a distinctive trade name', () => {
    expect(codes(tradeNameIsNotIndustryTerm, '星河')).toEqual([]);
  });
});
