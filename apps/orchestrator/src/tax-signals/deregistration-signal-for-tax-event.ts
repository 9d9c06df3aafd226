import type { EventData, RecordedEvent } from '@govflow/messaging';
import { TaxEventType, type TaxNoObjectionRaisedV1, type TaxObjectionRaisedV1 } from '@govflow/contracts';
import { deregistrationWorkflowId, type TaxAnswer } from '../../../../workflows/deregistration/definitions';

export interface DeregistrationTaxSignal {
  workflowId: string;
  answer: TaxAnswer;
}

/** Which waiting deregistration workflow a tax event answers, if any (R3.3: tax reaches registration by event). */
export function deregistrationSignalForTaxEvent(event: RecordedEvent<EventData>): DeregistrationTaxSignal | undefined {
  if (event.type === TaxEventType.TaxNoObjectionRaised) {
    const data = event.data as unknown as TaxNoObjectionRaisedV1;
    const answer = { verdict: 'no-objection' as const, eventId: event.eventId, at: data.raisedAt };
    return { workflowId: deregistrationWorkflowId(data.caseId), answer };
  }
  if (event.type === TaxEventType.TaxObjectionRaised) {
    const data = event.data as unknown as TaxObjectionRaisedV1;
    const answer = { verdict: 'objection' as const, reason: data.reason, eventId: event.eventId, at: data.raisedAt };
    return { workflowId: deregistrationWorkflowId(data.caseId), answer };
  }
  return undefined;
}
