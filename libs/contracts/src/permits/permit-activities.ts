import type { Actor } from '../actors';
import type { PermitFact } from './permit-events';

/** `<caseId>:<step>[:<n>]`: the same key twice records the fact once. */
export interface RecordPermitFactInput {
  idempotencyKey: string;
  fact: PermitFact;
  /** Who caused it (the applicant, an officer, an inspector) or null for the workflow's own timer. */
  by: Actor | null;
  reason: string;
  /** Set when an outside event caused the fact (its event id); otherwise the idempotency key is the causation. */
  causationId?: string;
}

/**
 * The permit authorities' activities on task queue `permits` (apps/permits). `PermitApplied` is refused
 * (non-retryable, type `PermitCaseOpen` or `CoveredByOtherPermit`) while the enterprise has an open case for the same
 * item, or holds the item that covers it.
 */
export interface PermitActivities {
  recordPermitFact(input: RecordPermitFactInput): Promise<void>;
}

export const creditMarkKinds = ['serious-bad-credit', 'false-commitment'] as const;
export type CreditMarkKind = (typeof creditMarkKinds)[number];

export interface CreditMark {
  markId: string;
  kind: CreditMarkKind;
  reason: string;
  by: Actor;
  at: string;
  /** The permit case whose finding caused it. */
  caseId?: string;
}

export interface CreditRecordView {
  creditCode: string;
  marks: CreditMark[];
}

export interface MarkCreditInput {
  idempotencyKey: string;
  creditCode: string;
  kind: CreditMarkKind;
  reason: string;
  by: Actor;
  at: string;
  /** The permit case the finding came from, for correlation. */
  caseId?: string;
}

/**
 * Market regulation's enterprise credit record (R2.3), on task queue `registration`: read by the 告知承诺 route,
 * marked by a false commitment's finding (CreditMarked on stream `credit-<creditCode>`).
 */
export interface CreditActivities {
  readCreditRecord(input: { creditCode: string }): Promise<CreditRecordView>;
  markCredit(input: MarkCreditInput): Promise<CreditRecordView>;
}

/**
 * Market regulation marked an enterprise's credit (published on `registration.events`, schemaVersion 1), correlated by
 * the permit case whose finding caused it; the 告知承诺 route stays closed to the enterprise while a mark stands.
 */
export interface CreditMarkedV1 {
  creditCode: string;
  markId: string;
  kind: CreditMarkKind;
  reason: string;
  markedBy: Actor;
  markedAt: string;
  caseId?: string;
}
