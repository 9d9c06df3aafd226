import type { Actor } from '../actors';

/**
 * Facts the permit authorities publish on `permits.events` (type = the name, schemaVersion 1), correlated by the permit
 * case id; who acted and why are in each event's metadata (actor, reason) and repeated here where a consumer needs them.
 */
export const PermitEventType = {
  PermitApplied: 'PermitApplied',
  MaterialsRequested: 'MaterialsRequested',
  MaterialsSupplied: 'MaterialsSupplied',
  ApplicationDeemedAccepted: 'ApplicationDeemedAccepted',
  CommitmentSigned: 'CommitmentSigned',
  PermitGranted: 'PermitGranted',
  PermitRefused: 'PermitRefused',
  PermitFiled: 'PermitFiled',
  SpotCheckScheduled: 'SpotCheckScheduled',
  SpotCheckPassed: 'SpotCheckPassed',
  CommitmentFoundFalse: 'CommitmentFoundFalse',
  PermitRevoked: 'PermitRevoked',
  PermitRenewalDue: 'PermitRenewalDue',
  PermitRenewed: 'PermitRenewed',
  PermitExpired: 'PermitExpired',
  PermitEnded: 'PermitEnded',
} as const;
export type PermitEventType = (typeof PermitEventType)[keyof typeof PermitEventType];

export type PermitRouteName = 'standard' | 'commitment' | 'filing';

interface PermitFactBase {
  caseId: string;
  creditCode: string;
  permitCode: string;
}

export interface PermitAppliedV1 extends PermitFactBase {
  enterpriseName: string;
  nameZh: string;
  authority: string;
  route: PermitRouteName;
  /** The catalogue version the case keeps to its end. */
  catalogueVersion: string;
  materials: Record<string, string>;
  applicant: Actor;
  appliedAt: string;
}

/** The one notice listing every missing material (每项缺件一次告知). */
export interface MaterialsRequestedV1 extends PermitFactBase {
  missing: string;
  requestedBy: Actor;
  requestedAt: string;
}

export interface MaterialsSuppliedV1 extends PermitFactBase {
  materials: Record<string, string>;
  suppliedBy: Actor;
  suppliedAt: string;
}

/** No notice within the time limit: the application counts as accepted (recorded by the timer, no person). */
export interface ApplicationDeemedAcceptedV1 extends PermitFactBase {
  noticeDueAt: string;
  acceptedAt: string;
}

/** The applicant's signed commitment (告知承诺): who, when, which version of the authority's conditions. */
export interface CommitmentSignedV1 extends PermitFactBase {
  conditionsVersion: string;
  signedBy: Actor;
  signedAt: string;
}

export interface PermitGrantedV1 extends PermitFactBase {
  route: 'standard' | 'commitment';
  permitNumber: string;
  grantedBy: Actor;
  grantedAt: string;
  /** 24:00 Beijing time of the last valid day (ISO instant), and that day. */
  validUntil: string;
  lastValidDay: string;
}

export interface PermitRefusedV1 extends PermitFactBase {
  /** `credit`: the commitment route is closed to this applicant (R2.3); `decision`: the officer refused. */
  because: 'credit' | 'decision';
  reason: string;
  refusedBy: Actor;
  refusedAt: string;
}

export interface PermitFiledV1 extends PermitFactBase {
  filingNumber: string;
  filedAt: string;
}

export interface SpotCheckScheduledV1 extends PermitFactBase {
  taskId: string;
  dueAt: string;
  legalDueAt: string;
  sharePercent: number;
}

export interface SpotCheckPassedV1 extends PermitFactBase {
  inspectedBy: Actor;
  inspectedAt: string;
  note: string;
}

export interface CommitmentFoundFalseV1 extends PermitFactBase {
  inspectedBy: Actor;
  inspectedAt: string;
  finding: string;
}

export interface PermitRevokedV1 extends PermitFactBase {
  because: 'false-commitment';
  reason: string;
  revokedBy: Actor;
  revokedAt: string;
}

export interface PermitRenewalDueV1 extends PermitFactBase {
  validUntil: string;
  lastValidDay: string;
  remindedAt: string;
}

export interface PermitRenewedV1 extends PermitFactBase {
  renewedBy: Actor;
  renewedAt: string;
  validUntil: string;
  lastValidDay: string;
}

export interface PermitExpiredV1 extends PermitFactBase {
  lastValidDay: string;
  expiredAt: string;
}

/**
 * The case ended before its natural end because the enterprise was deregistered (R3.4): open tasks lapsed, validity
 * timers stopped. Caused by registration's EnterpriseDeregistered (its event id is the causation id).
 */
export interface PermitEndedV1 extends PermitFactBase {
  reason: 'enterprise-deregistered';
  deregistrationCaseId: string;
  /** The status the case had when it ended (under review, granted, ...). */
  endedFrom: string;
  effectiveAt: string;
}

/** One fact the permit workflow asks the authority to record, by event type. */
export type PermitFact =
  | ({ type: 'PermitApplied' } & PermitAppliedV1)
  | ({ type: 'MaterialsRequested' } & MaterialsRequestedV1)
  | ({ type: 'MaterialsSupplied' } & MaterialsSuppliedV1)
  | ({ type: 'ApplicationDeemedAccepted' } & ApplicationDeemedAcceptedV1)
  | ({ type: 'CommitmentSigned' } & CommitmentSignedV1)
  | ({ type: 'PermitGranted' } & PermitGrantedV1)
  | ({ type: 'PermitRefused' } & PermitRefusedV1)
  | ({ type: 'PermitFiled' } & PermitFiledV1)
  | ({ type: 'SpotCheckScheduled' } & SpotCheckScheduledV1)
  | ({ type: 'SpotCheckPassed' } & SpotCheckPassedV1)
  | ({ type: 'CommitmentFoundFalse' } & CommitmentFoundFalseV1)
  | ({ type: 'PermitRevoked' } & PermitRevokedV1)
  | ({ type: 'PermitRenewalDue' } & PermitRenewalDueV1)
  | ({ type: 'PermitRenewed' } & PermitRenewedV1)
  | ({ type: 'PermitExpired' } & PermitExpiredV1)
  | ({ type: 'PermitEnded' } & PermitEndedV1);
