import { namePolicyV1 } from '@govflow/policy';
import { type NameCheckContext, type NameProposal } from './name-proposal';
import {
  divisionIsKnown,
  divisionMatchesRegisteringCity,
  industryIsStated,
  organisationFormIsKnown,
} from './name-structure.rules';

const context = (registeringCity = '北京'): NameCheckContext => ({
  applicantId: 'applicant-1',
  registeringCity,
  applicantTrademarks: [],
  existingNames: [],
  now: new Date('2024-06-01T00:00:00+08:00'),
});
const proposal = (overrides: Partial<NameProposal>): NameProposal => ({
  division: '北京',
  tradeName: '星河',
  industry: '科技',
  organisationForm: '有限公司',
  ...overrides,
});
const codes = (rule: typeof divisionIsKnown, overrides: Partial<NameProposal>, city?: string) =>
  rule(proposal(overrides), context(city), namePolicyV1).map((p) => p.code);

describe(divisionIsKnown.name, () => {
  it.each(['北京', '北京市', '海淀区', '广东省', '内蒙古自治区', '深圳'])('knows %s', (division) => {
    expect(codes(divisionIsKnown, { division })).toEqual([]);
  });

  it.each(['', '火星', '北京海淀'])('does not know "%s"', (division) => {
    expect(codes(divisionIsKnown, { division })).toEqual(['unknown-division']);
  });
});

describe(divisionMatchesRegisteringCity.name, () => {
  it('accepts the registering city, its districts and its province', () => {
    expect(codes(divisionMatchesRegisteringCity, { division: '北京' })).toEqual([]);
    expect(codes(divisionMatchesRegisteringCity, { division: '通州区' })).toEqual([]);
    expect(codes(divisionMatchesRegisteringCity, { division: '南山' }, '深圳')).toEqual([]);
    expect(codes(divisionMatchesRegisteringCity, { division: '广东' }, '深圳')).toEqual([]);
  });

  it('refuses a division elsewhere', () => {
    expect(codes(divisionMatchesRegisteringCity, { division: '上海' })).toEqual(['division-outside-registering-city']);
    expect(codes(divisionMatchesRegisteringCity, { division: '海淀' }, '深圳')).toEqual([
      'division-outside-registering-city',
    ]);
  });

  it('leaves unknown divisions and cities to other rules', () => {
    expect(codes(divisionMatchesRegisteringCity, { division: '火星' })).toEqual([]);
    expect(codes(divisionMatchesRegisteringCity, { division: '北京' }, '拉萨')).toEqual([]);
  });
});

describe(industryIsStated.name, () => {
  it('wants an industry in Chinese characters', () => {
    expect(codes(industryIsStated, { industry: '信息技术' })).toEqual([]);
    expect(codes(industryIsStated, { industry: '' })).toEqual(['missing-industry']);
    expect(codes(industryIsStated, { industry: 'IT服务' })).toEqual(['invalid-characters']);
  });
});

describe(organisationFormIsKnown.name, () => {
  it.each(['有限公司', '有限责任公司', '股份有限公司', '中心（有限合伙）'])('accepts %s', (organisationForm) => {
    expect(codes(organisationFormIsKnown, { organisationForm })).toEqual([]);
  });

  it.each(['', '无限公司', 'Ltd.'])('refuses "%s"', (organisationForm) => {
    expect(codes(organisationFormIsKnown, { organisationForm })).toEqual(['unknown-organization-form']);
  });
});
