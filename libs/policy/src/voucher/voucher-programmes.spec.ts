import { voucherProgramme, voucherProgrammes } from './voucher-programmes';

describe('voucherProgrammes', () => {
  const catalogue = voucherProgrammes.at(new Date('2026-11-30T00:00:00+08:00')).value;

  it('holds the voucher periods of R4.3 as data: 15 days to register the activity, valid 3 months', () => {
    expect(voucherProgramme(catalogue, 'TZ-INNOVATION-VOUCHER')).toMatchObject({
      activityRegistrationPeriod: { days: 15 },
      validity: { months: 3 },
      eligibility: { liveRegisteredEnterprise: true },
    });
    expect(voucherProgramme(catalogue, 'NOPE')).toBeUndefined();
  });

  it('keeps budgets and caps in whole fen, each cap within its budget', () => {
    for (const programme of catalogue) {
      expect(Number.isInteger(programme.yearlyBudgetFen) && Number.isInteger(programme.capPerVoucherFen)).toBe(true);
      expect(programme.capPerVoucherFen).toBeLessThanOrEqual(programme.yearlyBudgetFen);
      expect(programme.eligibility.liveVouchersPerEnterprise).toBeGreaterThanOrEqual(1);
    }
  });
});
