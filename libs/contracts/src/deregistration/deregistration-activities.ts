import type { Actor } from '../actors';
import type { EntityType } from '../registration/establishment-application';

/** 全体投资人承诺书: one signed commitment per investor on the register, matched by name and ID number. */
export interface InvestorCommitment {
  name: string;
  idNumber: string;
  signedAt: string;
}

/** What the enterprise's owner files (R3.1, R3.2). */
export interface DeregistrationApplication {
  creditCode: string;
  declaration: { neverOpened?: true; noDebts?: true };
  commitments: InvestorCommitment[];
}

/** An objection lodged while the announcement runs: a creditor (signed in) or an authority through its service. */
export interface DeregistrationObjection {
  objectionId: string;
  by: Actor;
  /** The creditor's real name from the account, or the authority's name. */
  name: string;
  reason: string;
  contact: string;
  lodgedAt: string;
}

interface Idempotent {
  /** `<caseId>:<step>[:<n>]`. */
  idempotencyKey: string;
  caseId: string;
}

export interface ApplyForDeregistrationInput extends Idempotent {
  applicant: Actor;
  application: DeregistrationApplication;
  appliedAt: string;
}

/** What market regulation's register says of the enterprise, once the application is accepted. */
export interface AcceptedDeregistration {
  creditCode: string;
  enterpriseName: string;
  entityType: EntityType;
}

export interface StartAnnouncementInput extends Idempotent {
  startedAt: string;
  legalEndsAt: string;
  endsAtCalendar: string;
  timeScale: number;
  policyVersion: string;
}

export interface RecordObjectionInput extends Idempotent {
  objection: DeregistrationObjection;
}

export interface CloseDeregistrationInput extends Idempotent {
  by: Actor;
  reason: string;
  at: string;
}

/**
 * Why market regulation refused an application: NotEligible (409, details: every reason at once),
 * CommitmentsMismatch (400, details: the investors missing or unknown), EnterpriseNotFound (404: no license carries the
 * credit code) or NotEnterpriseOwner (403: only the registrant who holds the license applies).
 */
export const DeregistrationRefusalType = {
  NotEligible: 'NotEligible',
  CommitmentsMismatch: 'CommitmentsMismatch',
  EnterpriseNotFound: 'EnterpriseNotFound',
  NotEnterpriseOwner: 'NotEnterpriseOwner',
} as const;

export interface DeregistrationRefusalDetails {
  reasons: { code: string; field?: string; message: string }[];
}

/** Market regulation's deregistration activities, on task queue `registration`. */
export interface DeregistrationActivities {
  applyForDeregistration(input: ApplyForDeregistrationInput): Promise<AcceptedDeregistration>;
  /** Records DeregistrationAnnouncementStarted, which tells tax (R3.3). */
  startDeregistrationAnnouncement(input: StartAnnouncementInput): Promise<void>;
  recordDeregistrationObjection(input: RecordObjectionInput): Promise<void>;
  recordDeregistrationConfirmed(input: CloseDeregistrationInput & { extended: boolean }): Promise<void>;
  lapseDeregistration(input: CloseDeregistrationInput): Promise<void>;
  refuseDeregistration(input: CloseDeregistrationInput & { objections: DeregistrationObjection[] }): Promise<void>;
  /** EnterpriseDeregistered: license revoked, credit code retired, name blocked for the cooling-off period. */
  deregisterEnterprise(input: CloseDeregistrationInput): Promise<{ deregisteredAt: string }>;
}
