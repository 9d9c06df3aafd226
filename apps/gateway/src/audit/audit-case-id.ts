import { z } from 'zod';
import { FieldValidationPipe } from '../http/field-validation.pipe';

/** Case ids are opaque to the audit: it keeps whatever correlation id the services wrote. */
export const auditCaseIdPipe = new FieldValidationPipe(
  'caseId',
  z
    .string()
    .regex(/^[\w.:-]{1,200}$/, 'must be a case id: letters, digits and . _ : - only')
    .meta({ pattern: '^[\\w.:-]{1,200}$' }),
);
