import type { Actor } from '../actors';

/** A maker space the science commission recognised and has not revoked or ended: the year's assessment covers it. */
export interface RecognisedMakerSpace {
  caseId: string;
  creditCode: string;
  enterpriseName: string;
  /** The enterprise's registrant: files the yearly report. */
  ownerId: string;
  level: 'national' | 'municipal';
}

export type AssessmentOutcome = 'passed' | 'failed';

/** What the science commission records of one maker space's assessed year. */
export interface AssessmentResultRecord {
  idempotencyKey: string;
  caseId: string;
  year: number;
  outcome: AssessmentOutcome;
  /** Why it failed: `report-missing` or `below-thresholds`. */
  failure?: 'report-missing' | 'below-thresholds';
  policyVersion: string;
  at: string;
  data: Record<string, unknown>;
}

export interface RecognitionRevocation {
  idempotencyKey: string;
  caseId: string;
  year: number;
  consecutiveFails: number;
  /** ISO date, Beijing: the tax exemption ends on it (the first day of the next month). */
  exemptionEndsOn: string;
  reason: string;
  at: string;
}

/** Activities the science commission registers for the yearly assessment; each idempotent on its key. */
export interface AssessmentActivities {
  listRecognisedMakerSpaces(input: { asOf: string }): Promise<RecognisedMakerSpace[]>;
  /** Stores the year's result once and answers how many failed years in a row end with this one. */
  recordAssessmentResult(record: AssessmentResultRecord): Promise<{ consecutiveFails: number }>;
  recordAssessmentFact(fact: {
    idempotencyKey: string;
    caseId: string;
    type: 'MakerSpaceAssessmentReportFiled';
    actor: Actor;
    reason: string;
    at: string;
    data: Record<string, unknown>;
  }): Promise<void>;
  revokeRecognition(revocation: RecognitionRevocation): Promise<void>;
}

/** Published on science-commission.events: the assessed year passed or failed (R4.4). */
export interface MakerSpaceAssessedV1 {
  caseId: string;
  year: number;
  outcome: AssessmentOutcome;
  failure?: 'report-missing' | 'below-thresholds';
  policyVersion: string;
}

/** Published on science-commission.events: N consecutive failed years revoked the recognition (R4.4). */
export interface MakerSpaceRecognitionRevokedV1 {
  caseId: string;
  creditCode: string;
  enterpriseName: string;
  year: number;
  consecutiveFails: number;
  revokedAt: string;
  /** ISO date, Beijing: the first day of the month after the revocation. */
  exemptionEndsOn: string;
}

/** Published on science-commission.events: the enterprise was deregistered, so its recognition ended. */
export interface MakerSpaceRecognitionEndedV1 {
  caseId: string;
  creditCode: string;
  endedAt: string;
  because: 'enterprise-deregistered';
  deregistrationCaseId: string;
  exemptionEndsOn: string;
}
