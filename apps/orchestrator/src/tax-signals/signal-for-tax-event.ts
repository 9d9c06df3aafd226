import type { EventData, RecordedEvent } from '@govflow/messaging';
import { TaxEventType, type TaxRecordOpenedV1 } from '@govflow/contracts';
import { registrationWorkflowId } from '../../../../workflows/registration/definitions';

export interface TaxRecordSignal {
  workflowId: string;
  taxRecord: { taxpayerId: string; openedAt: string };
}

/** Which waiting registration workflow a tax event concerns, if any (R1.1: tax opens the record by itself). */
export function signalForTaxEvent(event: RecordedEvent<EventData>): TaxRecordSignal | undefined {
  if (event.type !== TaxEventType.TaxRecordOpened) return undefined;
  const data = event.data as unknown as TaxRecordOpenedV1;
  return {
    workflowId: registrationWorkflowId(data.caseId),
    taxRecord: { taxpayerId: data.taxpayerId, openedAt: data.openedAt },
  };
}
