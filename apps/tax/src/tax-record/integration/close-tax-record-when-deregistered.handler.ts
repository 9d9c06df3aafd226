import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { RecordedEvent } from '@govflow/messaging';
import { TaxRecords } from '../tax-records';
import { taxService } from './open-tax-record-when-license-issued.handler';

const ENTERPRISE_DEREGISTERED = 'EnterpriseDeregistered';
const deregistered = z.object({ caseId: z.string().min(1), creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/) });

/** R3.4: tax closes the taxpayer's record when market regulation deregisters the enterprise, by event. */
@Injectable()
export class CloseTaxRecordWhenDeregisteredHandler {
  constructor(private readonly records: TaxRecords) {}

  async handle(event: RecordedEvent, now: Date): Promise<void> {
    if (event.type !== ENTERPRISE_DEREGISTERED) return;
    const { caseId, creditCode } = deregistered.parse(event.data);
    await this.records.change(creditCode, async (record) => {
      if (!record.isOpen) return; // never opened here (e.g. before 三证合一 reached this database): nothing to close
      record.closeOnDeregistration(caseId, now);
      await this.records.save(record, { actor: taxService, correlationId: caseId, causationId: event.eventId }, now);
    });
  }
}
