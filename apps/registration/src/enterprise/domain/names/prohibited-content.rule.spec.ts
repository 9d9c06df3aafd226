import { namePolicyV1 } from '@govflow/policy';
import { type NameCheckContext } from './name-proposal';
import { noProhibitedContent } from './prohibited-content.rule';

const context: NameCheckContext = {
  applicantId: 'applicant-1',
  registeringCity: '北京',
  applicantTrademarks: [],
  existingNames: [],
  now: new Date('2024-06-01T00:00:00+08:00'),
};
const check = (tradeName: string, industry = '科技') =>
  noProhibitedContent({ division: '北京', tradeName, industry, organisationForm: '有限公司' }, context, namePolicyV1);

describe(noProhibitedContent.name, () => {
  it('accepts an ordinary name', () => {
    expect(check('星河')).toEqual([]);
  });

  it.each([
    ['国务院星河', '国务院', /是国家机关名称/],
    ['解放军星河', '解放军', /是军队机关名称/],
    ['党中央星河', '党中央', /是党的机关名称/],
    ['美国星河', '美国', /是外国国家名称/],
    ['日本星河', '日本', /外国国家名称/],
    ['第一星河', '第一', /可能误导公众/],
    ['国家级星河', '国家级', /误导/],
  ])('refuses %s', (tradeName, term, category) => {
    const [problem, ...others] = check(tradeName);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ code: 'prohibited-content', part: 'tradeName' });
    expect(problem?.message).toContain(`“${term}”`);
    expect(problem?.message).toMatch(category);
  });

  it('reports one problem for a term that contains shorter ones', () => {
    const problems = check('中国共产党');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('“中国共产党”');
  });

  it('does not mistake 华美国际 or 精英国际 for a foreign state', () => {
    expect(check('华美国际')).toEqual([]);
    expect(check('精英国际')).toEqual([]);
    expect(check('美国际美国').map((p) => p.message)).toEqual([expect.stringContaining('“美国”')]);
  });

  it('checks the industry part too, and says so', () => {
    expect(check('星河', '中央空调')).toEqual([]);
    expect(check('星河', '中央商贸')).toEqual([
      expect.objectContaining({ code: 'prohibited-content', part: 'industry' }),
    ]);
  });
});
