import type { Actor } from '../actors';

/** Facts the voucher workflow has the science commission record (idempotent on `idempotencyKey`). */
export interface VoucherFact {
  idempotencyKey: string;
  voucherId: string;
  type:
    | 'VoucherClaimed'
    | 'VoucherActivityRegistered'
    | 'VoucherLapsed'
    | 'VoucherContractConfirmed'
    | 'VoucherExpired'
    | 'VoucherDelivered'
    | 'VoucherRedemptionRequested'
    | 'VoucherRedemptionReviewed'
    | 'VoucherRedemptionRejected'
    | 'VoucherPaymentDeferred'
    | 'VoucherPaid'
    | 'VoucherPublished';
  actor: Actor;
  reason: string;
  at: string;
  data: Record<string, unknown>;
}

export interface VoucherHoldInput {
  idempotencyKey: string;
  /** The claimant must be the registrant registration licensed the enterprise to. */
  claimantId: string;
  voucherId: string;
  programmeCode: string;
  /** The Beijing calendar year whose budget the voucher draws on. */
  budgetYear: number;
  creditCode: string;
  amountFen: number;
  /** The programme's yearly budget under the policy the voucher started with; set on the year's first claim. */
  yearlyBudgetFen: number;
  liveVouchersPerEnterprise: number;
  at: string;
}

export interface VoucherReleaseInput {
  idempotencyKey: string;
  voucherId: string;
  because: 'lapsed' | 'expired' | 'redemption-rejected' | 'paid';
  /** What stays spent (the paid amount); the rest of the voucher returns to the budget. */
  spentFen: number;
  at: string;
}

/** Why the science commission refuses a claim: the failure's `type`. */
export const VoucherRefusalType = {
  BudgetExhausted: 'VoucherBudgetExhausted',
  TooManyLiveVouchers: 'VoucherAlreadyHeld',
  NotALiveEnterprise: 'NotALiveEnterprise',
  NotEnterpriseOwner: 'NotEnterpriseOwner',
} as const;

/** Registered by the science commission on its task queue. */
export interface VoucherActivities {
  /** Holds the amount against the programme's year: throws a non-retryable VoucherRefusalType failure when it may not. */
  holdVoucher(input: VoucherHoldInput): Promise<{ enterpriseName: string }>;
  /** Returns the unspent part to the budget; once per voucher. */
  releaseVoucher(input: VoucherReleaseInput): Promise<void>;
  recordVoucherFact(fact: VoucherFact): Promise<void>;
}
