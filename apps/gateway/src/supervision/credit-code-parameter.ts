import { z } from 'zod';
import { FieldValidationPipe } from '../http/field-validation.pipe';

/** A unified social credit code's shape (GB 32100): 18 characters of its alphabet; whether one exists is a 404. */
export const creditCodePipe = new FieldValidationPipe(
  'creditCode',
  z
    .string()
    // Lower case is taken and upper-cased; the document states the upper-case form a client should send.
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/i, 'must be an 18-character unified social credit code')
    .transform((code) => code.toUpperCase())
    .meta({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', example: '91110108MA01234567' }),
);
