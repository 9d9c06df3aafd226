import { z } from 'zod';
import { VISIBLE_TEXT_PATTERN } from '../../http/openapi-schema';

const namePart = (what: string) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(20, 'must be at most 20 characters')
    // NUL reached the registration service's store and the check timed out as a 503 (found by the bad-input suite).
    .refine(
      (text) => !Array.from(text).some((c) => c <= '\u001f' || c === '\u007f'),
      'must not contain control characters',
    )
    .describe(what)
    .meta({ pattern: VISIBLE_TEXT_PATTERN });

/** The four parts of a declared name (北京 + 星河 + 科技 + 有限公司), as query parameters. */
export const checkNameQuery = z.object({
  division: namePart('administrative division, e.g. 北京'),
  tradeName: namePart('trade name (字号), e.g. 星河'),
  industry: namePart('industry, e.g. 科技'),
  organizationForm: namePart('organisational form, e.g. 有限公司'),
});
export type CheckNameQuery = z.output<typeof checkNameQuery>;

export const checkNameResponse = z.object({
  available: z.boolean().describe('true when the name passes every automatic check (R1.3); nothing is reserved'),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type CheckNameResponse = z.infer<typeof checkNameResponse>;
