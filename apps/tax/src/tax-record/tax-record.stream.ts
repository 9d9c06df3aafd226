import type { AggregateDefinition } from '@govflow/event-store';
import { TaxRecord } from './domain/tax-record.aggregate';
import { taxRecordEvents } from './domain/tax-record.events';

/** The one place that names a taxpayer's stream; the taxpayer id is the credit code. */
export const taxRecordStreamId = (taxpayerId: string): string => `tax-record-${taxpayerId}`;

export const taxRecordDefinition: AggregateDefinition<TaxRecord> = {
  streamId: taxRecordStreamId,
  create: (taxpayerId) => new TaxRecord(taxpayerId),
  events: taxRecordEvents,
};
