import { type PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { z } from 'zod';
import { RequestValidationFailed } from './api-error';
import { openApiSchemaOf } from './openapi-schema';

/** Parses one named request part (a path parameter, a header) with a zod schema; a problem names that part. */
export class FieldValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly field: string,
    private readonly schema: S,
  ) {}

  /** What the document states for the part: the same schema that validates it, so the two cannot drift apart. */
  get openApi(): SchemaObject {
    return openApiSchemaOf(this.schema);
  }

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
