import { makerSpaceGrantPolicies, recognitionGrantFen } from './maker-space-grant-policy';
import {
  type ExpertPassRule,
  expertVerdict,
  grantProgramme,
  grantProgrammes,
  recognitionProgramme,
} from './grant-programmes';

describe('grantProgrammes', () => {
  const catalogue = grantProgrammes.at(new Date('2026-11-30T00:00:00+08:00')).value;

  it('carries each level’s one-off maker-space grant in its own programme, 5 working days on notice', () => {
    const national = recognitionProgramme(catalogue, 'national');
    expect(national).toMatchObject({ code: 'MS-NATIONAL-ONE-OFF', noticePeriod: { workingDays: 5 } });
    expect(recognitionProgramme(catalogue, 'municipal').code).toBe('MS-MUNICIPAL-ONE-OFF');
    const amounts = makerSpaceGrantPolicies.at(new Date('2026-11-30T00:00:00+08:00')).value;
    expect(recognitionGrantFen(amounts, 'national')).toBe(50_000_000);
    expect(recognitionGrantFen(amounts, 'municipal')).toBe(30_000_000);
  });

  it('keeps budgets and ceilings in whole fen', () => {
    for (const programme of catalogue) {
      expect(Number.isInteger(programme.budgetFen)).toBe(true);
      if (programme.amountRule.kind === 'requested-up-to')
        expect(Number.isInteger(programme.amountRule.maxFen)).toBe(true);
    }
  });

  it('finds a programme by code, and none for an unknown code', () => {
    expect(grantProgramme(catalogue, 'MS-OPERATION-SUBSIDY')?.expertReview).toEqual({
      kind: 'mean-at-least',
      experts: 3,
      meanAtLeast: 60,
      allScoresIn: true,
    });
    expect(grantProgramme(catalogue, 'NOPE')).toBeUndefined();
  });
});

describe(expertVerdict.name, () => {
  const rule: ExpertPassRule = { kind: 'mean-at-least', experts: 3, meanAtLeast: 60, allScoresIn: true };

  it('waits for every score when the rule says all scores in', () => {
    expect(expertVerdict(rule, [90, 90])).toBe('awaiting-scores');
  });

  it('passes a mean of exactly 60 and fails one just below', () => {
    expect(expertVerdict(rule, [60, 55, 65])).toBe('passed');
    expect(expertVerdict(rule, [60, 55, 64])).toBe('failed');
  });

  it('decides on the scores in when the rule does not wait for all', () => {
    expect(expertVerdict({ ...rule, allScoresIn: false }, [70, 55])).toBe('passed');
  });
});
