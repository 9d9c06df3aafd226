import type { EnterpriseName, EntityType, InvestmentLink, Money } from './establishment-application';

/**
 * Facts market regulation publishes on `registration.events` (type = the event class name, schemaVersion 1).
 * Every event of a case carries metadata.correlationId = the case id, so the audit view can gather a case
 * across services; consumers set causationId to the id of the event they react to.
 */
export const RegistrationEventType = {
  ApplicationSubmitted: 'ApplicationSubmitted',
  ApplicationSupplemented: 'ApplicationSupplemented',
  ApplicationRejected: 'ApplicationRejected',
  LicenseIssued: 'LicenseIssued',
  NameReserved: 'NameReserved',
  NameReservationMoved: 'NameReservationMoved',
  NameReservationReleased: 'NameReservationReleased',
} as const;

/** A case holds a declared name (R1.3) until `reservedUntil` (exclusive), its license, or its release. */
export interface NameReservedV1 {
  caseId: string;
  applicantId: string;
  name: EnterpriseName;
  fullName: string;
  reservedAt: string;
  reservedUntil: string;
  /** Set when the name is held on a declared investment link (R1.3's exception), still to be confirmed. */
  investmentLink?: InvestmentLink;
  namePolicyVersion: string;
}

/** A supplement changed the name: the new one is held, and only then the old one released, in one transaction. */
export interface NameReservationMovedV1 {
  caseId: string;
  from: EnterpriseName;
  to: EnterpriseName;
  fullName: string;
  movedAt: string;
  reservedUntil: string;
  investmentLink?: InvestmentLink;
  namePolicyVersion: string;
}

/** The case no longer holds its name: anyone may declare it again. */
export interface NameReservationReleasedV1 {
  caseId: string;
  name: EnterpriseName;
  releasedAt: string;
  because: 'application-rejected' | 'application-withdrawn';
}

/** 三证合一: everything the tax bureau needs to open the tax record without asking the registrant again (R1.1). */
export interface LicenseIssuedV1 {
  caseId: string;
  creditCode: string;
  enterpriseName: string;
  entityType: EntityType;
  /** GB/T 2260 division of the registering authority (positions 3–8 of the credit code). */
  registeringDivision: string;
  domicile: string;
  businessScope: string[];
  legalRepresentativeName: string;
  registeredCapital: Money;
  registrantId: string;
  issuedAt: string;
}

/** Facts the tax bureau publishes on `tax.events`. */
export const TaxEventType = {
  TaxRecordOpened: 'TaxRecordOpened',
  TaxPendingMatterRecorded: 'TaxPendingMatterRecorded',
  TaxClearanceRecorded: 'TaxClearanceRecorded',
  DeregistrationNoticeReceived: 'DeregistrationNoticeReceived',
  TaxNoObjectionRaised: 'TaxNoObjectionRaised',
  TaxObjectionRaised: 'TaxObjectionRaised',
  TaxRecordClosed: 'TaxRecordClosed',
  TaxExemptionStarted: 'TaxExemptionStarted',
  TaxExemptionEnded: 'TaxExemptionEnded',
} as const;

export interface TaxRecordOpenedV1 {
  caseId: string;
  /** 三证合一: the taxpayer id is the unified social credit code. */
  taxpayerId: string;
  enterpriseName: string;
  openedAt: string;
}

/**
 * Task events (types `Task` + the TaskEvent's type, e.g. `TaskOpened`, `TaskRefused`) carry a TaskEventRecord as
 * their data; they are what the officers' inbox and the audit trail are projected from.
 */
export const taskEventType = (type: string): string => `Task${type.charAt(0).toUpperCase()}${type.slice(1)}`;
