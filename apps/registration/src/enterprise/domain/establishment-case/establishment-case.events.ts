import type {
  Actor,
  EstablishmentApplication,
  LicenseIssuedV1,
  NameReservationMovedV1,
  NameReservationReleasedV1,
  NameReservedV1,
} from '@govflow/contracts';
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

/** The case holds its declared name (R1.3); recorded with ApplicationSubmitted, in the same transaction. */
export class NameReserved extends domainEvent<NameReservedV1>() {}

/** A supplement changed the name; recorded with ApplicationSupplemented. */
export class NameReservationMoved extends domainEvent<NameReservationMovedV1>() {}

/** The case's reservation ended with the case; recorded with ApplicationRejected (or a withdrawal). */
export class NameReservationReleased extends domainEvent<NameReservationReleasedV1>() {}

export const establishmentCaseEvents = [
  ApplicationSubmitted,
  ApplicationSupplemented,
  ApplicationRejected,
  LicenseIssued,
  NameReserved,
  NameReservationMoved,
  NameReservationReleased,
];
