import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import { RegistrationEventType } from '@govflow/contracts';
import type { RecordedEvent } from '@govflow/messaging';
import { EndRecognitionWhenDeregistered } from '../assessments/end-recognition-when-deregistered';
import { Enterprises } from './enterprises';

const ENTERPRISE_DEREGISTERED = 'EnterpriseDeregistered';
const creditCode = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'is not an 18-character credit code');

// What the science commission reads of LicenseIssuedV1 and EnterpriseDeregisteredV1; the rest is registration's.
const licenseIssued = z.object({
  caseId: z.string().min(1),
  creditCode,
  enterpriseName: z.string().min(1),
  registrantId: z.string().min(1),
  issuedAt: z.string().datetime(),
});
const enterpriseDeregistered = z.object({
  caseId: z.string().min(1),
  creditCode,
  deregisteredAt: z.string().datetime(),
});

/**
 * Keeps the science commission's knowledge of enterprises from registration's events. Runs in the inbox transaction
 * (a redelivered event changes nothing); a malformed event throws, so it is retried and then dead-lettered.
 */
@Injectable()
export class RegistrationEventsHandler {
  constructor(
    private readonly enterprises: Enterprises,
    private readonly endRecognition: EndRecognitionWhenDeregistered,
  ) {}

  async handle(event: RecordedEvent, db: PoolClient): Promise<void> {
    if (event.type === RegistrationEventType.LicenseIssued) {
      const license = licenseIssued.parse(event.data);
      await this.enterprises.recordLicensed(db, { ...license, licensedAt: new Date(license.issuedAt) });
    } else if (event.type === ENTERPRISE_DEREGISTERED) {
      const ended = enterpriseDeregistered.parse(event.data);
      const at = new Date(ended.deregisteredAt);
      await this.enterprises.recordDeregistered(db, ended.creditCode, ended.caseId, at);
      await this.endRecognition.handle(db, event, { creditCode: ended.creditCode, caseId: ended.caseId, at });
    }
  }
}
