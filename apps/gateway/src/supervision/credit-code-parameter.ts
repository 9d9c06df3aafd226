import { z } from 'zod';
import { FieldValidationPipe } from '../http/field-validation.pipe';

/** A unified social credit code's shape (GB 32100): 18 characters of its alphabet; whether one exists is a 404. */
export const creditCodePipe = new FieldValidationPipe(
  'creditCode',
  z
    .string()
    .transform((code) => code.toUpperCase())
    .pipe(z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code')),
);
