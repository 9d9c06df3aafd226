import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { VoucherProgramme } from '../../libs/policy/src/voucher/voucher-programmes';

/** A voucher as it is claimed: the programme resolved from policy at the claim, kept for the voucher's life. */
export interface VoucherInput {
  voucherId: string;
  /** The enterprise's registrant who claims it. */
  claimant: Actor;
  creditCode: string;
  amountFen: number;
  programme: VoucherProgramme;
  programmeVersion: string;
  /** The Beijing calendar year whose budget the voucher draws on. */
  budgetYear: number;
  timeScale: number;
}

export type VoucherStatusName =
  | 'claimed'
  | 'refused'
  | 'activity-registered'
  | 'lapsed'
  | 'contracted'
  | 'expired'
  | 'delivered'
  | 'redemption-requested'
  | 'redemption-rejected'
  | 'awaiting-payment'
  | 'paid';

export interface VoucherActivity {
  providerId: string;
  description: string;
  registeredAt: string;
}

export interface VoucherStatus {
  voucherId: string;
  claimantId: string;
  status: VoucherStatusName;
  creditCode: string;
  enterpriseName: string;
  programmeCode: string;
  programmeVersion: string;
  budgetYear: number;
  amountFen: number;
  timeScale: number;
  claimedAt: string;
  /** Until when the firm may register the activity, then until when the provider may confirm the contract. */
  activityDue?: TaskDue;
  contractDue?: TaskDue;
  activity?: VoucherActivity;
  contract?: { confirmedBy: Actor; confirmedAt: string; validUntil: TaskDue };
  delivery?: { deliveredBy: Actor; deliveredAt: string; amountFen: number; summary: string };
  redemption?: { requestedAt: string; reviewedBy?: Actor; reviewedAt?: string; reason?: string };
  payment?: { paidBy: Actor; paidAt: string; amountFen: number };
  published?: { at: string };
  /** Lapsed, expired or rejected: what returned to the budget and why. */
  ended?: { because: string; at: string; returnedFen: number };
  refusal?: { type: string; message: string };
  openTasks: TaskState[];
}

/** What the firm and the provider do with a voucher; each checked against who acts and where the voucher stands. */
export type VoucherAction =
  | { kind: 'activity'; actor: Actor; providerId: string; description: string }
  | { kind: 'contract'; actor: Actor; reason?: string }
  | { kind: 'delivery'; actor: Actor; summary: string; amountFen?: number }
  | { kind: 'redemption'; actor: Actor; reason?: string };

export const voucherStatusQuery = defineQuery<VoucherStatus>('voucherStatus');
export const voucherActionUpdate = defineUpdate<VoucherStatus, [VoucherAction]>('voucherAction');
/** Answers once the claim is held against the budget: the status, else the refusal as a typed failure. */
export const voucherClaimUpdate = defineUpdate<VoucherStatus, []>('voucherClaim');
export const VOUCHER_CLAIM_UPDATE_ID = 'claim';
export const voucherWorkflowId = (voucherId: string): string => `voucher-${voucherId}`;
