import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { RequestValidationFailed } from './api-error';

/** Parses one named request part (a path parameter, a header) with a zod schema; a problem names that part. */
export class FieldValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly field: string,
    private readonly schema: S,
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value, {
      error: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'is required' : undefined),
    });
    if (result.success) return result.data;
    throw new RequestValidationFailed(
      result.error.issues.map((issue) => ({ field: this.field, message: issue.message })),
    );
  }
}
