import { z } from 'zod';
import { FieldValidationPipe } from '../http/field-validation.pipe';

const unsafe = (character: string) => character <= '\u001f' || character === '\u007f' || character === '/';

/** Task ids are chosen by workflows (`<caseId>:review:1`): any short text without a slash. */
export const taskIdPipe = new FieldValidationPipe(
  'taskId',
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(300, 'must be at most 300 characters')
    .refine((id) => !Array.from(id).some(unsafe), 'must not contain control characters or slashes')
    .meta({ pattern: '^[^\\u0000-\\u001f\\u007f/]*[^\\s\\u0000-\\u001f\\u007f/][^\\u0000-\\u001f\\u007f/]*$' }),
);
