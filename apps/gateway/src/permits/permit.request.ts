import { z } from 'zod';

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code');

/** POST /api/permits: the enterprise's application for one catalogue item (先照后证, R2.2–R2.4). */
export const permitRequest = z
  .object({
    creditCode,
    permitCode: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    route: z.enum(['standard', 'commitment', 'filing'], 'must be standard, commitment or filing'),
    materials: z.record(z.string(), z.string().max(500, 'must be at most 500 characters')).default({}),
    commitment: z
      .object({
        conditionsVersion: z.string().trim().min(1, 'must name the version of the conditions you read'),
        accepted: z.literal(true, 'must be true: the commitment is signed by accepting the conditions'),
      })
      .optional(),
  })
  // The refinement below, as the document states it: the commitment route carries the signed commitment.
  .meta({ anyOf: [{ properties: { route: { enum: ['standard', 'filing'] } } }, { required: ['commitment'] }] })
  .superRefine((request, context) => {
    if (request.route === 'commitment' && !request.commitment)
      context.addIssue({
        code: 'custom',
        path: ['commitment'],
        message: 'the 告知承诺 route needs the signed commitment',
      });
  });
export type PermitRequest = z.output<typeof permitRequest>;

export const supplyMaterialsRequest = z.object({
  materials: z
    .record(z.string(), z.string().max(500, 'must be at most 500 characters'))
    .refine((materials) => Object.keys(materials).length > 0, 'must list at least one material supplied')
    .meta({ minProperties: 1 }),
});

export const creditCodeParameter = creditCode;
