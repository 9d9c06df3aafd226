import type {
  DeregistrationNoticeReceivedV1,
  TaxClearanceRecordedV1,
  TaxNoObjectionRaisedV1,
  TaxObjectionRaisedV1,
  TaxPendingMatterRecordedV1,
  TaxRecordClosedV1,
  TaxRecordOpenedV1,
  TaxExemptionStartedV1,
  TaxExemptionEndedV1,
} from '@govflow/contracts';
import { domainEvent } from '../../shared/domain-event';

// Class names are the published event types (TaxEventType), in its order; the data is the published V1 shape.

/** Published as is on tax.events; the registration workflow waits for it (三证合一, R1.1). */
export class TaxRecordOpened extends domainEvent<TaxRecordOpenedV1>() {}

export class TaxPendingMatterRecorded extends domainEvent<TaxPendingMatterRecordedV1>() {}

export class TaxClearanceRecorded extends domainEvent<TaxClearanceRecordedV1>() {}

export class DeregistrationNoticeReceived extends domainEvent<DeregistrationNoticeReceivedV1>() {}

/** The deregistration workflow learns it by signal (R3.3). */
export class TaxNoObjectionRaised extends domainEvent<TaxNoObjectionRaisedV1>() {}

/** The deregistration workflow learns it by signal: the officer may then only refuse (R3.2). */
export class TaxObjectionRaised extends domainEvent<TaxObjectionRaisedV1>() {}

/** EnterpriseDeregistered reached tax: the record takes no more matters (R3.4). */
export class TaxRecordClosed extends domainEvent<TaxRecordClosedV1>() {}

/** MakerSpaceRecognized reached tax: the exemption runs from the first day of the next month (R4.1). */
export class TaxExemptionStarted extends domainEvent<TaxExemptionStartedV1>() {}

/** MakerSpaceRecognitionRevoked or MakerSpaceRecognitionEnded reached tax: the exemption ends next month (R4.4). */
export class TaxExemptionEnded extends domainEvent<TaxExemptionEndedV1>() {}

export const taxRecordEvents = [
  TaxRecordOpened,
  TaxPendingMatterRecorded,
  TaxClearanceRecorded,
  DeregistrationNoticeReceived,
  TaxNoObjectionRaised,
  TaxObjectionRaised,
  TaxRecordClosed,
  TaxExemptionStarted,
  TaxExemptionEnded,
];
