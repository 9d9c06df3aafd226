import { type NamePolicy, namePolicyV1 } from '@govflow/policy';
import { checkName, nameReservedUntil } from './check-name';
import { type NameCheckContext, type NameProposal } from './name-proposal';

const now = new Date('2024-06-01T10:00:00+08:00');
const context = (overrides: Partial<NameCheckContext> = {}): NameCheckContext => ({
  applicantId: 'applicant-1',
  registeringCity: '北京',
  applicantTrademarks: [],
  existingNames: [],
  now,
  ...overrides,
});
const proposal = (overrides: Partial<NameProposal> = {}): NameProposal => ({
  division: '北京',
  tradeName: '星河',
  industry: '科技',
  organisationForm: '有限公司',
  ...overrides,
});

describe(checkName.name, () => {
  it('passes 北京 + 星河 + 科技 + 有限公司 with no problems', () => {
    expect(checkName(proposal(), context())).toEqual({
      available: true,
      fullName: '北京星河科技有限公司',
      problems: [],
    });
  });

  it('trims what the registrant typed', () => {
    const result = checkName(proposal({ division: ' 北京市 ', tradeName: '星河 ' }), context());
    expect(result).toMatchObject({ available: true, fullName: '北京市星河科技有限公司' });
  });

  it('reports every problem at once, in name order, with stable codes and Chinese messages', () => {
    const result = checkName(
      { division: '火星', tradeName: '海淀', industry: '', organisationForm: '无限公司' },
      context({ existingNames: [] }),
    );
    expect(result.available).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual([
      'unknown-division',
      'trade-name-is-place-name',
      'missing-industry',
      'unknown-organization-form',
    ]);
    expect(result.problems[1]?.message).toMatch(/字号“海淀”是行政区划海淀区的名称/);
  });

  it('is unavailable when the trade name is taken in the same industry and city', () => {
    const taken = {
      tradeName: '星河',
      industry: '科技',
      city: '北京',
      status: 'registered' as const,
      statusSince: now,
    };
    const result = checkName(proposal(), context({ existingNames: [taken] }));
    expect(result.available).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['identical-trade-name']);
  });

  it('reads periods and lists from the policy it is given', () => {
    const strict: NamePolicy = {
      ...namePolicyV1,
      minimumTradeNameLength: 3,
      pilotZone: { arabicNumeralsInTradeName: false, trademarkLettersInTradeName: false },
    };
    expect(checkName(proposal({ tradeName: '星河' }), context(), strict).problems.map((p) => p.code)).toEqual([
      'trade-name-too-short',
    ]);
    expect(checkName(proposal({ tradeName: '星河58' }), context(), strict).problems.map((p) => p.code)).toEqual([
      'arabic-numerals-not-allowed',
    ]);
  });
});

describe(nameReservedUntil.name, () => {
  it('reserves a declared name for 2 months, through the corresponding day', () => {
    expect(nameReservedUntil(new Date('2024-01-15T10:00:00+08:00'))).toEqual(new Date('2024-03-16T00:00:00+08:00'));
  });

  it('follows the policy given', () => {
    const shorter: NamePolicy = { ...namePolicyV1, reservationPeriod: { days: 30 } };
    expect(nameReservedUntil(new Date('2024-01-15T10:00:00+08:00'), shorter)).toEqual(
      new Date('2024-02-15T00:00:00+08:00'),
    );
  });
});
