import { type NamePolicy, namePolicyV1 } from '@govflow/policy';
import { type NameCheckContext } from './name-proposal';
import { tradeNameCharactersAreAllowed } from './trade-name-characters.rule';

const context = (applicantTrademarks: string[] = []): NameCheckContext => ({
  applicantId: 'applicant-1',
  registeringCity: '北京',
  applicantTrademarks,
  existingNames: [],
  now: new Date('2024-06-01T00:00:00+08:00'),
});
const outsidePilotZone: NamePolicy = {
  ...namePolicyV1,
  pilotZone: { arabicNumeralsInTradeName: false, trademarkLettersInTradeName: false },
};
const check = (tradeName: string, trademarks: string[] = [], policy = namePolicyV1) =>
  tradeNameCharactersAreAllowed(
    { division: '北京', tradeName, industry: '科技', organisationForm: '有限公司' },
    context(trademarks),
    policy,
  );
const codes = (tradeName: string, trademarks: string[] = [], policy = namePolicyV1) =>
  check(tradeName, trademarks, policy).map((p) => p.code);

describe(tradeNameCharactersAreAllowed.name, () => {
  it('accepts Chinese characters', () => {
    expect(codes('星河')).toEqual([]);
  });

  it('accepts Arabic numerals in the pilot zone', () => {
    expect(codes('星河58')).toEqual([]);
    expect(codes('360')).toEqual([]);
  });

  it('refuses Arabic numerals where the policy does not relax the rule', () => {
    expect(codes('星河58', [], outsidePilotZone)).toEqual(['arabic-numerals-not-allowed']);
  });

  it("accepts Latin letters that spell the applicant's own registered trademark, in any case", () => {
    expect(codes('星河ABC', ['ABC'])).toEqual([]);
    expect(codes('星河abc', ['ABC'])).toEqual([]);
    expect(codes('3M星河', ['3M'])).toEqual([]);
  });

  it("refuses Latin letters that are not the applicant's trademark, naming them", () => {
    expect(codes('星河ABC')).toEqual(['latin-letters-not-own-trademark']);
    expect(codes('星河ABC', ['ABD'])).toEqual(['latin-letters-not-own-trademark']);
    expect(codes('ABC星河XYZ', ['ABC'])).toEqual(['latin-letters-not-own-trademark']);
    expect(check('ABC星河XYZ', ['ABC'])[0]?.message).toMatch(/不是申请人的注册商标：XYZ$/);
  });

  it('refuses Latin letters altogether outside the pilot zone, even a trademark', () => {
    expect(codes('星河ABC', ['ABC'], outsidePilotZone)).toEqual(['latin-letters-not-allowed']);
  });

  it('judges a run such as 3M whole: a trademark, not a numeral and a letter', () => {
    const numeralsOnly: NamePolicy = {
      ...namePolicyV1,
      pilotZone: { arabicNumeralsInTradeName: false, trademarkLettersInTradeName: true },
    };
    expect(codes('星河3M', ['3M'], numeralsOnly)).toEqual([]);
    expect(codes('星河3M', ['M'], numeralsOnly)).toEqual([
      'latin-letters-not-own-trademark',
      'arabic-numerals-not-allowed',
    ]);
  });

  it.each([
    ['星河·科', '“·”'],
    ['星 河', '“ ”'],
    ['星河！', '“！”'],
    ['星河１２', '“１”、“２”'],
  ])('refuses punctuation, spaces and full-width digits in %s', (tradeName, named) => {
    const [problem, ...others] = check(tradeName);
    expect(others).toEqual([]);
    expect(problem?.code).toBe('invalid-characters');
    expect(problem?.message).toContain(named);
  });
});
