import { z } from 'zod';
import type { DeregistrationAnnouncementStartedV1 } from '@govflow/contracts';

// What tax reads of DeregistrationAnnouncementStartedV1.
const schema = z.object({
  caseId: z.string().min(1),
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'is not an 18-character credit code'),
  startedAt: z.iso.datetime(),
  legalEndsAt: z.iso.datetime(),
  timeScale: z.number().int().min(1),
});

export type AnnouncementStartedFacts = Pick<
  DeregistrationAnnouncementStartedV1,
  'caseId' | 'creditCode' | 'startedAt' | 'legalEndsAt' | 'timeScale'
>;

/** Throws on a malformed event, so the consumer retries and then dead-letters it rather than skipping it. */
export const parseAnnouncementStarted = (data: unknown): AnnouncementStartedFacts => schema.parse(data);
