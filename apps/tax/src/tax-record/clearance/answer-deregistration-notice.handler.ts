import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DeregistrationEventType } from '@govflow/contracts';
import type { RecordedEvent } from '@govflow/messaging';
import { acceleratedInstant } from '@govflow/policy';
import { taxService } from '../integration/open-tax-record-when-license-issued.handler';
import { TaxRecords } from '../tax-records';
import { parseAnnouncementStarted } from './announcement-started.schema';
import { ObjectionWatches } from './objection-watches';

/**
 * R3.3: market regulation tells tax that a deregistration announcement started. Tax answers at once with no objection
 * when nothing is pending; otherwise it watches for the day after the period ends (on the case's clock), when the
 * sweeper objects unless a clearance came first. Runs in the inbox transaction: a redelivery changes nothing.
 */
@Injectable()
export class AnswerDeregistrationNoticeHandler {
  constructor(
    private readonly records: TaxRecords,
    private readonly watches: ObjectionWatches,
  ) {}

  async handle(event: RecordedEvent, now: Date): Promise<void> {
    if (event.type !== DeregistrationEventType.DeregistrationAnnouncementStarted) return;
    const { caseId, creditCode, startedAt, legalEndsAt, timeScale } = parseAnnouncementStarted(event.data);
    const objectionDueAt = acceleratedInstant(new Date(startedAt), new Date(legalEndsAt), timeScale);
    await this.records.change(creditCode, async (record, db: PoolClient) => {
      record.receiveDeregistrationNotice({ caseId, announcementLegalEndsAt: legalEndsAt, objectionDueAt }, now);
      await this.records.save(record, { actor: taxService, correlationId: caseId, causationId: event.eventId }, now);
      await this.watches.watch(db, {
        caseId,
        taxpayerId: creditCode,
        dueAt: objectionDueAt,
        causationId: event.eventId,
      });
    });
  }
}
