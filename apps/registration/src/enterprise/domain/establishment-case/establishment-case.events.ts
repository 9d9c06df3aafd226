import type { Actor, EstablishmentApplication, LicenseIssuedV1 } from '@govflow/contracts';
import { domainEvent } from '../../../shared/domain-event';

// Class names are the stored and published event types (RegistrationEventType); the data is the class's properties.

export interface ApplicationSubmittedData {
  caseId: string;
  applicant: Actor;
  application: EstablishmentApplication;
  submittedAt: string;
}
export class ApplicationSubmitted extends domainEvent<ApplicationSubmittedData>() {}

/** Each field in `changes` replaces that field of the application whole, as the workflow applies it. */
export interface ApplicationSupplementedData {
  caseId: string;
  round: number;
  changes: Partial<EstablishmentApplication>;
  note: string;
  supplementedBy: Actor;
  supplementedAt: string;
}
export class ApplicationSupplemented extends domainEvent<ApplicationSupplementedData>() {}

export interface ApplicationRejectedData {
  caseId: string;
  decidedBy: Actor;
  reason: string;
  rejectedAt: string;
}
export class ApplicationRejected extends domainEvent<ApplicationRejectedData>() {}

/** Published as is on registration.events: tax opens the taxpayer record from it (三证合一, R1.1). */
export class LicenseIssued extends domainEvent<LicenseIssuedV1>() {}

export const establishmentCaseEvents = [
  ApplicationSubmitted,
  ApplicationSupplemented,
  ApplicationRejected,
  LicenseIssued,
];
