import { AggregateRoot } from '@nestjs/cqrs';
import type { LicenseIssuedV1, TaxRecordOpenedV1 } from '@govflow/contracts';
import { TaxRecordOpened } from './tax-record.events';

/** What the tax record needs of the license. */
export type IssuedLicenseFacts = Pick<LicenseIssuedV1, 'caseId' | 'creditCode' | 'enterpriseName'>;

/** A taxpayer's record with the tax bureau; the taxpayer id is the unified social credit code (三证合一). */
export class TaxRecord extends AggregateRoot {
  private opened?: TaxRecordOpenedV1;

  constructor(readonly taxpayerId: string) {
    super();
  }

  get isOpen(): boolean {
    return this.opened !== undefined;
  }

  /**
   * Opens the record from the license, without asking the registrant anything (R1.1). Once per taxpayer: a
   * redelivered or repeated LicenseIssued for the same code changes nothing.
   */
  openFromLicense(license: IssuedLicenseFacts, openedAt: Date): void {
    if (this.opened) return;
    if (license.creditCode !== this.taxpayerId) {
      throw new Error(`License of ${license.creditCode} cannot open the record of taxpayer ${this.taxpayerId}`);
    }
    const { caseId, enterpriseName } = license;
    const opened = { caseId, taxpayerId: this.taxpayerId, enterpriseName, openedAt: openedAt.toISOString() };
    this.apply(new TaxRecordOpened(opened));
  }

  onTaxRecordOpened(event: TaxRecordOpened): void {
    this.opened = { ...event };
  }
}
