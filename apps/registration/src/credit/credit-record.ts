import { Inject, Injectable } from '@nestjs/common';
import { AggregateRoot } from '@nestjs/cqrs';
import type { CreditMark, CreditMarkedV1, CreditRecordView, MarkCreditInput } from '@govflow/contracts';
import { type AggregateDefinition, AggregateRepository, EventStore } from '@govflow/event-store';
import type { EventMetadata } from '@govflow/messaging';
import { domainEvent } from '../shared/domain-event';

/** A mark on the enterprise's credit (R2.3): a false commitment, or a serious bad-credit listing. */
export class CreditMarked extends domainEvent<CreditMarkedV1>() {}

/**
 * One enterprise's credit record, keyed by its credit code, changed only by its events. A mark already recorded under
 * its id (an activity retry) records nothing.
 */
export class CreditRecord extends AggregateRoot {
  private readonly marks: CreditMark[] = [];

  constructor(readonly creditCode: string) {
    super();
  }

  mark({ idempotencyKey, kind, reason, by, at, caseId }: MarkCreditInput): void {
    if (this.marks.some((m) => m.markId === idempotencyKey)) return;
    const { creditCode } = this;
    this.apply(
      new CreditMarked({ creditCode, markId: idempotencyKey, kind, reason, markedBy: by, markedAt: at, caseId }),
    );
  }

  view(): CreditRecordView {
    return { creditCode: this.creditCode, marks: this.marks.map((m) => ({ ...m })) };
  }

  onCreditMarked(event: CreditMarked): void {
    const { markId, kind, reason, markedBy: by, markedAt: at, caseId } = event;
    this.marks.push({ markId, kind, reason, by, at, ...(caseId && { caseId }) });
  }
}

/** The one place that names an enterprise's credit stream. */
export const creditStreamId = (creditCode: string): string => `credit-${creditCode}`;

const definition: AggregateDefinition<CreditRecord> = {
  streamId: creditStreamId,
  create: (creditCode) => new CreditRecord(creditCode),
  events: [CreditMarked],
};

const CREDIT_LOCK_CLASS = 7312; // supervision records use 7311

/** Market regulation's credit records: read by the 告知承诺 route, marked by a false commitment's finding. */
@Injectable()
export class CreditRecords {
  private readonly repository: AggregateRepository<CreditRecord>;

  constructor(@Inject(EventStore) private readonly store: EventStore) {
    this.repository = new AggregateRepository(store, definition);
  }

  async read(creditCode: string): Promise<CreditRecordView> {
    return (await this.load(creditCode)).view();
  }

  mark(input: MarkCreditInput, metadata: EventMetadata): Promise<CreditRecordView> {
    return this.store.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CREDIT_LOCK_CLASS, input.creditCode]);
      const record = await this.load(input.creditCode);
      record.mark(input);
      await this.repository.save(record, metadata, new Date(input.at));
      return record.view();
    });
  }

  private async load(creditCode: string): Promise<CreditRecord> {
    return (await this.repository.load(creditCode)) ?? this.repository.create(creditCode);
  }
}
