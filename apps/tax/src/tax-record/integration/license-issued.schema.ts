import { z } from 'zod';
import type { IssuedLicenseFacts } from '../domain/tax-record.aggregate';

// What tax reads of LicenseIssuedV1; anything else in the event is registration's business.
const licenseIssuedSchema = z.object({
  caseId: z.string().min(1),
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'is not an 18-character credit code'),
  enterpriseName: z.string().min(1),
});

/** Throws on a malformed event, so the consumer retries and then dead-letters it rather than skipping it. */
export const parseLicenseIssued = (data: unknown): IssuedLicenseFacts => licenseIssuedSchema.parse(data);
