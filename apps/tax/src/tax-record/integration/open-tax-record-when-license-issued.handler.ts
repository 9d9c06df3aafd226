import { Inject, Injectable } from '@nestjs/common';
import { RegistrationEventType } from '@govflow/contracts';
import { AggregateRepository, EventStore } from '@govflow/event-store';
import type { Actor, RecordedEvent } from '@govflow/messaging';
import type { TaxRecord } from '../domain/tax-record.aggregate';
import { taxRecordDefinition } from '../tax-record.stream';
import { parseLicenseIssued } from './license-issued.schema';

export const taxService: Actor = { id: 'tax-service', role: 'system', department: 'tax' };

/**
 * 三证合一 (R1.1): the tax bureau opens the taxpayer's record from market regulation's LicenseIssued, never by asking
 * the registrant. Runs in the inbox transaction, so a redelivered event finds its inbox row and changes nothing.
 */
@Injectable()
export class OpenTaxRecordWhenLicenseIssuedHandler {
  private readonly records: AggregateRepository<TaxRecord>;

  constructor(@Inject(EventStore) store: EventStore) {
    this.records = new AggregateRepository(store, taxRecordDefinition);
  }

  async handle(event: RecordedEvent, now: Date): Promise<void> {
    if (event.type !== RegistrationEventType.LicenseIssued) return;
    const license = parseLicenseIssued(event.data);
    const record = (await this.records.load(license.creditCode)) ?? this.records.create(license.creditCode);
    record.openFromLicense(license, now);
    const metadata = { actor: taxService, correlationId: event.metadata.correlationId, causationId: event.eventId };
    await this.records.save(record, metadata, now);
  }
}
