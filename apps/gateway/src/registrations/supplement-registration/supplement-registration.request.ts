import { z } from 'zod';
import { applicationFields } from '../application/establishment-application.request';

/** The registrant's answer to a request for information: the fields to replace whole, and a note to the officer. */
export const supplementRegistrationRequest = z.object({
  changes: z
    .object(applicationFields)
    .partial()
    .refine((changes) => Object.keys(changes).length > 0, 'must change at least one field of the application')
    // Unknown fields are dropped before the refinement, so "at least one" means one of the application's fields.
    .meta({ anyOf: Object.keys(applicationFields).map((field) => ({ required: [field] })) })
    .describe('application fields to replace, each whole; amounts as on submission'),
  note: z.string().trim().max(2000, 'must be at most 2000 characters'),
});
export type SupplementRegistrationRequest = z.output<typeof supplementRegistrationRequest>;
