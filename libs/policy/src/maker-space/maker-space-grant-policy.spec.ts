import { makerSpaceGrantPolicies, recognitionGrantYuan } from './maker-space-grant-policy';

describe('makerSpaceGrantPolicies', () => {
  const policy = makerSpaceGrantPolicies.at(new Date('2024-05-01T00:00:00+08:00')).value;

  it('grants 500,000 yuan to a national maker space', () => {
    expect(recognitionGrantYuan(policy, 'national')).toBe(500_000);
  });

  it('grants 300,000 yuan to a municipal maker space', () => {
    expect(recognitionGrantYuan(policy, 'municipal')).toBe(300_000);
  });

  it('keeps amounts as whole yuan', () => {
    for (const amount of Object.values(policy.recognitionGrantYuan)) expect(Number.isInteger(amount)).toBe(true);
  });
});
