import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { RecordedEvent } from '@govflow/messaging';
import { TaxRecords } from '../tax-records';
import { taxService } from './open-tax-record-when-license-issued.handler';

const endings = {
  MakerSpaceRecognitionRevoked: 'recognition-revoked',
  MakerSpaceRecognitionEnded: 'enterprise-deregistered',
} as const;
// What tax reads of the science commission's MakerSpaceRecognitionRevokedV1 and MakerSpaceRecognitionEndedV1.
const ended = z.object({
  caseId: z.string().min(1),
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  exemptionEndsOn: z.string().regex(/^\d{4}-\d{2}-01$/, 'is not the first day of a month'),
});

/** R4.4: tax ends a maker space's exemption from the science commission's event, from the first day of next month. */
@Injectable()
export class EndExemptionWhenRecognitionEndsHandler {
  constructor(private readonly records: TaxRecords) {}

  async handle(event: RecordedEvent, now: Date): Promise<void> {
    if (!(event.type in endings)) return;
    const because = endings[event.type as keyof typeof endings];
    const { caseId, creditCode, exemptionEndsOn } = ended.parse(event.data);
    await this.records.change(creditCode, async (record) => {
      record.endMakerSpaceExemption(caseId, because, exemptionEndsOn, now);
      await this.records.save(record, { actor: taxService, correlationId: caseId, causationId: event.eventId }, now);
    });
  }
}
