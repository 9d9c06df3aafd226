import { z } from 'zod';
import { FieldValidationPipe } from '../http/field-validation.pipe';

/** Case ids are the UUIDs the gateway assigns at submission. */
export const caseIdPipe = new FieldValidationPipe(
  'caseId',
  z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a case id (a UUID)')
    .transform((id) => id.toLowerCase()),
);
