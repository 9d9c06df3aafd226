import type { AggregateDefinition } from '@govflow/event-store';
import { EstablishmentCase } from '../domain/establishment-case/establishment-case.aggregate';
import { establishmentCaseEvents } from '../domain/establishment-case/establishment-case.events';

/** The one place that names a case's stream. */
export const establishmentCaseStreamId = (caseId: string): string => `registration-case-${caseId}`;

export const establishmentCaseDefinition: AggregateDefinition<EstablishmentCase> = {
  streamId: establishmentCaseStreamId,
  create: (caseId) => new EstablishmentCase(caseId),
  events: establishmentCaseEvents,
};
