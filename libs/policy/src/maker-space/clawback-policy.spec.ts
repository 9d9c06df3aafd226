import { clawbackPolicies, computeClawback } from './clawback-policy';

describe(computeClawback.name, () => {
  const policy = clawbackPolicies.at(new Date('2026-11-30T00:00:00+08:00')).value;

  it('computes grant + fine in fen for false material within 10–50 %', () => {
    expect(computeClawback(policy, 'false-material-or-fraud', 50_000_000, 2_000)).toEqual({
      ok: true,
      grantFen: 50_000_000,
      fineFen: 10_000_000,
      dueFen: 60_000_000,
    });
  });

  it('accepts both ends of a range and refuses just outside them', () => {
    expect(computeClawback(policy, 'misuse-of-funds', 30_000_000, 1_000).ok).toBe(true);
    expect(computeClawback(policy, 'misuse-of-funds', 30_000_000, 3_000).ok).toBe(true);
    expect(computeClawback(policy, 'misuse-of-funds', 30_000_000, 999)).toMatchObject({
      ok: false,
      message: '罚款比例须在 10% 至 30% 之间',
    });
    expect(computeClawback(policy, 'misuse-of-funds', 30_000_000, 3_001).ok).toBe(false);
    expect(computeClawback(policy, 'false-material-or-fraud', 30_000_000, 5_001).ok).toBe(false);
  });

  it('rounds the fine half up to the fen, never through a floating fraction of a fen', () => {
    expect(computeClawback(policy, 'misuse-of-funds', 333, 1_250)).toMatchObject({ fineFen: 42, dueFen: 375 });
  });
});
