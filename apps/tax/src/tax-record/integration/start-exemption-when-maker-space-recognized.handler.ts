import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { RecordedEvent } from '@govflow/messaging';
import { TaxRecords } from '../tax-records';
import { taxService } from './open-tax-record-when-license-issued.handler';

const MAKER_SPACE_RECOGNIZED = 'MakerSpaceRecognized';
// What tax reads of the science commission's MakerSpaceRecognizedV1.
const recognized = z.object({
  caseId: z.string().min(1),
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  level: z.enum(['national', 'municipal']),
  exemptionStartsOn: z.string().regex(/^\d{4}-\d{2}-01$/, 'is not the first day of a month'),
});

/**
 * R4.1: tax starts a recognised maker space's exemption from the science commission's event, never by application.
 * A record not opened yet throws: the event is retried (the license is on its way) and then dead-lettered.
 */
@Injectable()
export class StartExemptionWhenMakerSpaceRecognizedHandler {
  constructor(private readonly records: TaxRecords) {}

  async handle(event: RecordedEvent, now: Date): Promise<void> {
    if (event.type !== MAKER_SPACE_RECOGNIZED) return;
    const { caseId, creditCode, level, exemptionStartsOn } = recognized.parse(event.data);
    await this.records.change(creditCode, async (record) => {
      record.startMakerSpaceExemption(caseId, level, exemptionStartsOn, now);
      await this.records.save(record, { actor: taxService, correlationId: caseId, causationId: event.eventId }, now);
    });
  }
}
