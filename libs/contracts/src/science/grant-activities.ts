import type { Actor } from '../actors';

/** How a grant's step stands; shown on the case page. */
export type GrantStepName =
  'eligibility' | 'officer-review' | 'expert-review' | 'public-notice' | 'objection-review' | 'payment' | 'publication';
export type GrantStepStatus = 'in-progress' | 'done' | 'refused' | 'rejected' | 'failed' | 'withdrawn' | 'skipped';

/** A 公示 objection: the objector's real name is the signed-in account; anonymous ones need evidence. */
export interface GrantObjection {
  objectionId: string;
  caseId: string;
  /** The signed-in account, kept even when the objector asks not to be named publicly. */
  by: Actor;
  realName: string;
  anonymous: boolean;
  reason: string;
  evidence?: string;
  lodgedAt: string;
  status: 'open' | 'upheld' | 'dismissed' | 'rejected';
  /** Why it was rejected on arrival, or how the officer resolved it. */
  resolution?: { reason: string; by?: Actor; at: string };
}

export interface ExpertScore {
  expert: Actor;
  score: number;
  comment?: string;
  at: string;
}

export interface ConflictDeclaration {
  expert: Actor;
  reason: string;
  at: string;
}

/** Facts the grant workflow has the science commission record (idempotent on `idempotencyKey`). */
export interface GrantFact {
  idempotencyKey: string;
  caseId: string;
  type:
    | 'GrantApplied'
    | 'GrantReviewed'
    | 'GrantExpertScored'
    | 'GrantExpertConflictDeclared'
    | 'PublicNoticeStarted'
    | 'PublicNoticeClosed'
    | 'GrantObjectionLodged'
    | 'GrantObjectionResolved'
    | 'GrantRejected'
    | 'GrantWithdrawn'
    | 'GrantPaid'
    | 'GrantPublished'
    | 'GrantClawbackOpened'
    | 'GrantClawbackConfirmed'
    | 'CaseReferred';
  actor: Actor;
  reason: string;
  at: string;
  data: Record<string, unknown>;
}

export interface GrantHoldInput {
  idempotencyKey: string;
  /** A registrant applying must be the one registration licensed the enterprise to. */
  applicantId?: string;
  caseId: string;
  programmeCode: string;
  creditCode: string;
  amountFen: number;
  budgetFen: number;
  at: string;
}

/** Why the science commission refuses a grant at eligibility (R4.3): the failure's `type`. */
export const GrantRefusalType = {
  AlreadyFunded: 'AlreadyFundedUnderProgramme',
  BudgetExhausted: 'ProgrammeBudgetExhausted',
  NotALiveEnterprise: 'NotALiveEnterprise',
  NotEnterpriseOwner: 'NotEnterpriseOwner',
} as const;

/** Registered by the science commission on its task queue. */
export interface GrantActivities {
  /** Holds the grant against the programme: throws a non-retryable GrantRefusalType failure when it may not. */
  holdGrant(input: GrantHoldInput): Promise<{ enterpriseName: string }>;
  releaseGrant(input: { idempotencyKey: string; caseId: string; because: string; at: string }): Promise<void>;
  recordGrantFact(fact: GrantFact): Promise<void>;
}

/** Published on science-commission.events when a maker space is recognised (R4.1); tax starts the exemption from it. */
export interface MakerSpaceRecognizedV1 {
  caseId: string;
  creditCode: string;
  enterpriseName: string;
  level: 'national' | 'municipal';
  recognisedAt: string;
  /** ISO date: the first day of the month after recognition, in Beijing. */
  exemptionStartsOn: string;
  criteriaVersion: string;
}

export interface MakerSpaceActivities {
  /** Throws a non-retryable NotALiveEnterprise failure for an applicant that is not a live registered enterprise. */
  checkMakerSpaceApplicant(input: { creditCode: string; applicantId: string }): Promise<{ enterpriseName: string }>;
  recordMakerSpaceFact(fact: {
    idempotencyKey: string;
    caseId: string;
    type: 'MakerSpaceApplied' | 'MakerSpaceRecognized' | 'MakerSpaceRecognitionRefused';
    actor: Actor;
    reason: string;
    at: string;
    data: Record<string, unknown>;
  }): Promise<void>;
}
