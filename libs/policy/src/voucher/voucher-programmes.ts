import type { PolicyPeriod } from '@govflow/contracts';
import { PolicyTimeline } from '../policy-timeline';

/** Who may claim a voucher of a programme (R4.2: small and micro firms and start-up teams). */
export interface VoucherEligibility {
  /** Only an enterprise registration licensed and has not deregistered, claimed by its registrant. */
  readonly liveRegisteredEnterprise: true;
  /** How many vouchers of the programme one enterprise may hold at once (lapsed, expired and paid ones excepted). */
  readonly liveVouchersPerEnterprise: number;
}

/** A voucher programme (科技创新券): money, eligibility and the voucher's periods, all as data. */
export interface VoucherProgramme {
  readonly code: string;
  readonly name: string;
  /** Budget per calendar year (Beijing), fen: claims beyond what is left are refused. */
  readonly yearlyBudgetFen: number;
  /** The most one voucher may be worth, fen. */
  readonly capPerVoucherFen: number;
  readonly eligibility: VoucherEligibility;
  /** From the claim: the firm registers the service activity with a provider within it, or the voucher lapses. */
  readonly activityRegistrationPeriod: PolicyPeriod;
  /** From the activity's registration: the provider confirms the contract within it, or the voucher lapses. */
  readonly contractConfirmationPeriod: PolicyPeriod;
  /** From the provider's confirmation of the contract: unused by then, the voucher expires. */
  readonly validity: PolicyPeriod;
  /** How long each officer step (redemption review, payment) takes before it is overdue. */
  readonly reviewPeriod: PolicyPeriod;
}

export type VoucherProgrammeCatalogue = readonly VoucherProgramme[];

export const voucherProgrammes = new PolicyTimeline<VoucherProgrammeCatalogue>('voucher-programmes', [
  {
    version: 'voucher-programmes-2018',
    effectiveFrom: '2018-01-01',
    value: [
      {
        code: 'TZ-INNOVATION-VOUCHER',
        name: '通州区科技创新券',
        yearlyBudgetFen: 5_000_000_00,
        capPerVoucherFen: 200_000_00,
        eligibility: { liveRegisteredEnterprise: true, liveVouchersPerEnterprise: 1 },
        activityRegistrationPeriod: { days: 15 },
        contractConfirmationPeriod: { days: 15 },
        validity: { months: 3 },
        reviewPeriod: { workingDays: 5 },
      },
    ],
  },
]);

export function voucherProgramme(catalogue: VoucherProgrammeCatalogue, code: string): VoucherProgramme | undefined {
  return catalogue.find((programme) => programme.code === code);
}
