import type { Actor } from '../actors';
import type { Money } from '../registration/establishment-application';

/** What keeps a taxpayer from clearance (清税, R3.3): arrears, invoices not returned, any other open item. */
export const taxPendingMatterKinds = ['arrears', 'unreturned-invoices', 'open-item'] as const;
export type TaxPendingMatterKind = (typeof taxPendingMatterKinds)[number];

export interface TaxPendingMatter {
  matterId: string;
  kind: TaxPendingMatterKind;
  amount?: Money;
  note: string;
}

/** A tax officer records a pending matter on the taxpayer (so tax will object to a deregistration). */
export interface TaxPendingMatterRecordedV1 extends TaxPendingMatter {
  taxpayerId: string;
  recordedBy: Actor;
  recordedAt: string;
}

/** A tax officer recorded the taxpayer's clearance: the matters pending until then are settled. */
export interface TaxClearanceRecordedV1 {
  taxpayerId: string;
  clearanceId: string;
  reason: string;
  settledMatterIds: string[];
  clearedBy: Actor;
  clearedAt: string;
}

/** Tax learned that the taxpayer's deregistration announcement started; it answers by `objectionDueAt` at the latest. */
export interface DeregistrationNoticeReceivedV1 {
  taxpayerId: string;
  caseId: string;
  announcementLegalEndsAt: string;
  /** When tax objects if matters are still pending: the day after the period ends, on the case's clock. */
  objectionDueAt: string;
  receivedAt: string;
}

/** Tax raises no objection to the case's deregistration (R3.3). */
export interface TaxNoObjectionRaisedV1 {
  taxpayerId: string;
  caseId: string;
  because: 'no-pending-matters' | 'cleared';
  raisedAt: string;
}

/** Tax objects to the case's deregistration: matters were still pending the day after the period ended (R3.3). */
export interface TaxObjectionRaisedV1 {
  taxpayerId: string;
  caseId: string;
  reason: string;
  pendingMatters: TaxPendingMatter[];
  raisedAt: string;
}

/** The taxpayer was deregistered (EnterpriseDeregistered): tax closes its record (R3.4). */
export interface TaxRecordClosedV1 {
  taxpayerId: string;
  caseId: string;
  closedAt: string;
}

/** R4.1: a recognised maker space's tax exemption, from the first day of the month after recognition. */
export interface TaxExemptionStartedV1 {
  taxpayerId: string;
  /** The maker-space recognition case it follows. */
  caseId: string;
  kind: 'maker-space';
  level: 'national' | 'municipal';
  /** ISO date, Beijing. */
  startsOn: string;
  startedAt: string;
}

/** R4.4: a maker space's exemption ends from the first day of the month after its recognition was revoked or ended. */
export interface TaxExemptionEndedV1 {
  taxpayerId: string;
  /** The maker-space recognition case whose exemption ends. */
  caseId: string;
  kind: 'maker-space';
  because: 'recognition-revoked' | 'enterprise-deregistered';
  /** ISO date, Beijing: the first day without the exemption. */
  endsOn: string;
  endedAt: string;
}

export interface RecordTaxPendingMatterInput {
  idempotencyKey: string;
  taxpayerId: string;
  kind: TaxPendingMatterKind;
  amount?: Money;
  note: string;
  by: Actor;
  at: string;
}

export interface RecordTaxClearanceInput {
  idempotencyKey: string;
  taxpayerId: string;
  reason: string;
  by: Actor;
  at: string;
}

export interface TaxRecordView {
  taxpayerId: string;
  enterpriseName: string;
  pendingMatters: TaxPendingMatter[];
  clearances: { clearanceId: string; reason: string; clearedBy: Actor; clearedAt: string }[];
  deregistrations: { caseId: string; objectionDueAt: string; verdict?: 'no-objection' | 'objection' }[];
  /** Added with the maker-space exemption; absent from answers of older services. */
  exemptions?: {
    caseId: string;
    kind: 'maker-space';
    level: 'national' | 'municipal';
    startsOn: string;
    /** Added with the annual assessment: the first day without the exemption, once it ended. */
    endsOn?: string;
    endedBecause?: 'recognition-revoked' | 'enterprise-deregistered';
  }[];
}

/** 404: no tax record is open for the credit code. */
export const TaxRefusalType = { TaxRecordNotFound: 'TaxRecordNotFound' } as const;
export const isTaxRefusalType = (type: unknown): type is keyof typeof TaxRefusalType =>
  type === TaxRefusalType.TaxRecordNotFound;

/** The tax service's activities, on task queue `tax`. */
export interface TaxActivities {
  recordTaxPendingMatter(input: RecordTaxPendingMatterInput): Promise<TaxRecordView>;
  recordTaxClearance(input: RecordTaxClearanceInput): Promise<TaxRecordView>;
  readTaxRecord(request: { taxpayerId: string }): Promise<TaxRecordView>;
}
