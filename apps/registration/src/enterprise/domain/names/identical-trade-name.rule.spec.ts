import { namePolicyV1 } from '@govflow/policy';
import { noIdenticalTradeName } from './identical-trade-name.rule';
import { type ExistingName, type NameCheckContext } from './name-proposal';

const now = new Date('2024-06-01T10:00:00+08:00');
const beijing = (local: string) => new Date(`${local}+08:00`);
const existing = (overrides: Partial<ExistingName> = {}): ExistingName => ({
  tradeName: '星河',
  industry: '科技',
  city: '北京',
  status: 'registered',
  statusSince: beijing('2020-01-01T09:00:00'),
  ...overrides,
});
const check = (existingNames: ExistingName[], tradeName = '星河', at = now) => {
  const context: NameCheckContext = {
    applicantId: 'applicant-1',
    registeringCity: '北京',
    applicantTrademarks: [],
    existingNames,
    now: at,
  };
  return noIdenticalTradeName(
    { division: '北京', tradeName, industry: '科技', organisationForm: '有限公司' },
    context,
    namePolicyV1,
  );
};

describe(noIdenticalTradeName.name, () => {
  it('conflicts with a registered name of the same trade name, industry and city', () => {
    const [problem] = check([existing()]);
    expect(problem).toMatchObject({ code: 'identical-trade-name', part: 'tradeName' });
    expect(problem?.message).toMatch(/字号“星河”在北京科技行业已被使用：已登记/);
  });

  it('ignores another industry, another city or another trade name', () => {
    expect(
      check([existing({ industry: '贸易' }), existing({ city: '上海' }), existing({ tradeName: '星海' })]),
    ).toEqual([]);
  });

  it('compares Latin trademark letters without regard to case', () => {
    expect(check([existing({ tradeName: '星河abc' })], '星河ABC')).toHaveLength(1);
  });

  it('conflicts with a name reserved less than 2 months ago, through the last day', () => {
    const reserved = existing({ status: 'reserved', statusSince: beijing('2024-04-01T15:00:00') });
    expect(check([reserved], '星河', beijing('2024-06-01T23:59:59'))[0]?.message).toMatch(
      /2024-04-01已预留，保留至2024-06-01/,
    );
    expect(check([reserved], '星河', beijing('2024-06-02T00:00:00'))).toEqual([]);
  });

  it.each(['deregistered', 'changed'] as const)('conflicts with a name %s less than a year ago', (status) => {
    const released = existing({ status, statusSince: beijing('2023-06-01T11:00:00') });
    expect(check([released], '星河', beijing('2024-06-01T20:00:00'))[0]?.message).toMatch(
      new RegExp(`2023-06-01${status === 'deregistered' ? '注销' : '变更'}，未满一年，2024-06-01前不得使用`),
    );
    expect(check([released], '星河', beijing('2024-06-02T00:00:00'))).toEqual([]);
  });

  it('lets the applicant share the trade name of the enterprise it declares linked by investment', () => {
    const linked = existing({ creditCode: '91110000600037341L' });
    const declaring = (code?: string) =>
      noIdenticalTradeName(
        { division: '北京', tradeName: '星河', industry: '科技', organisationForm: '有限公司' },
        {
          applicantId: 'applicant-1',
          registeringCity: '北京',
          applicantTrademarks: [],
          existingNames: [linked],
          now,
          investmentLinkCreditCode: code,
        },
        namePolicyV1,
      );
    expect(declaring('91110000600037341l')).toEqual([]);
    expect(declaring('91310115MA1K3BTP2B')).toHaveLength(1);
    expect(declaring(undefined)).toHaveLength(1);
    expect(check([existing()])).toHaveLength(1);
  });

  it('reports each conflicting name', () => {
    const reserved = existing({ status: 'reserved', statusSince: beijing('2024-05-01T09:00:00') });
    expect(check([existing(), reserved])).toHaveLength(2);
  });

  it('takes the periods from the policy', () => {
    const reserved = existing({ status: 'reserved', statusSince: beijing('2024-05-01T09:00:00') });
    const context: NameCheckContext = {
      applicantId: 'a',
      registeringCity: '北京',
      applicantTrademarks: [],
      existingNames: [reserved],
      now,
    };
    const proposal = { division: '北京', tradeName: '星河', industry: '科技', organisationForm: '有限公司' };
    expect(noIdenticalTradeName(proposal, context, { ...namePolicyV1, reservationPeriod: { days: 10 } })).toEqual([]);
  });
});
