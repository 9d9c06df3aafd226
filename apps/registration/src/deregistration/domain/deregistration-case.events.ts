import type {
  Actor,
  DeregistrationAnnouncementStartedV1,
  DeregistrationApplication,
  DeregistrationObjection,
  EnterpriseDeregisteredV1,
  EntityType,
} from '@govflow/contracts';
import { domainEvent } from '../../shared/domain-event';

// Class names are the stored and published event types; stream `deregistration-<caseId>`, correlated by the case.

/** The owner applied; the commitments are kept for ever (a false one leaves its investor liable, R3.2). */
export interface DeregistrationAppliedData extends DeregistrationApplication {
  caseId: string;
  enterpriseName: string;
  entityType: EntityType;
  applicant: Actor;
  appliedAt: string;
}
export class DeregistrationApplied extends domainEvent<DeregistrationAppliedData>() {}

/** Tells tax (R3.3). */
export class DeregistrationAnnouncementStarted extends domainEvent<DeregistrationAnnouncementStartedV1>() {}

export class DeregistrationObjectionLodged extends domainEvent<{
  caseId: string;
  creditCode: string;
  objection: DeregistrationObjection;
}>() {}

export class DeregistrationConfirmed extends domainEvent<{
  caseId: string;
  creditCode: string;
  confirmedBy: Actor;
  extended: boolean;
  confirmedAt: string;
}>() {}

export class DeregistrationLapsed extends domainEvent<{
  caseId: string;
  creditCode: string;
  reason: string;
  lapsedAt: string;
}>() {}

/** The officer refused; the objections lodged are listed (R3.2). The enterprise may apply again. */
export class DeregistrationRefused extends domainEvent<{
  caseId: string;
  creditCode: string;
  decidedBy: Actor;
  reason: string;
  objections: DeregistrationObjection[];
  refusedAt: string;
}>() {}

export class EnterpriseDeregistered extends domainEvent<EnterpriseDeregisteredV1>() {}

export const deregistrationCaseEvents = [
  DeregistrationApplied,
  DeregistrationAnnouncementStarted,
  DeregistrationObjectionLodged,
  DeregistrationConfirmed,
  DeregistrationLapsed,
  DeregistrationRefused,
  EnterpriseDeregistered,
];
