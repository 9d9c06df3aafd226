import { z } from 'zod';
import { residentIdNumber } from '../registrations/application/resident-id-number';

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code');

/** POST /api/deregistrations: the owner's application for simplified deregistration (R3.1, R3.2). */
export const deregistrationRequest = z.object({
  creditCode,
  declaration: z
    .object({
      neverOpened: z.literal(true).optional().describe('the enterprise never opened (未开业)'),
      noDebts: z.literal(true).optional().describe('no creditor’s rights or debts; wages, taxes and fines settled'),
    })
    .refine((d) => d.neverOpened === true || d.noDebts === true, 'must declare neverOpened or noDebts')
    .meta({ anyOf: [{ required: ['neverOpened'] }, { required: ['noDebts'] }] }),
  commitments: z
    .array(
      z.object({
        name: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
        idNumber: residentIdNumber,
        signedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant' }),
      }),
    )
    .min(1, 'every investor on the register signs a commitment (全体投资人承诺书)'),
});
export type DeregistrationRequest = z.output<typeof deregistrationRequest>;

export const confirmationRequest = z.object({
  extend: z.boolean().optional().describe('true asks, once, for the longer window (30 days) instead of confirming'),
});

export const objectionRequest = z.object({
  reason: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  contact: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export type ObjectionBody = z.output<typeof objectionRequest>;
