import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { type FieldError, RequestValidationFailed } from './api-error';

/** Parses a request part with a zod schema; each problem becomes a 400 entry naming its field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value, {
      error: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'is required' : undefined),
    });
    if (result.success) return result.data;
    throw new RequestValidationFailed(result.error.issues.map(toFieldError));
  }
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  if (issue.path.length === 0) {
    const message = issue.code === 'invalid_type' ? 'request body must be a JSON object' : issue.message;
    return { field: null, message };
  }
  return { field: issue.path.map(String).join('.'), message: issue.message };
}
