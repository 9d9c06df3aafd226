import { applyDecorators } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** The OpenAPI 3.0 schema of a zod schema, so a request's validation and its documentation cannot drift apart. */
export const openApiSchemaOf = (schema: z.ZodType): SchemaObject => {
  const { $schema: _, ...openApi } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // `.trim().min(1)` refuses blank text, which minLength alone would let a generated client send.
      if (jsonSchema.type === 'string' && (jsonSchema.minLength ?? 0) > 0 && !jsonSchema.pattern && trims(zodSchema))
        jsonSchema.pattern = '\\S';
    },
  });
  return openApi as SchemaObject;
};

type Check = { _zod: { def: { check: string; tx?: (input: string) => string } } };
/** Whether a string schema trims its input (zod keeps `.trim()` only as an overwrite of the value). */
const trims = (schema: unknown): boolean =>
  ((schema as { _zod: { def: { checks?: Check[] } } })._zod.def.checks ?? []).some(
    (check) => check._zod.def.check === 'overwrite' && check._zod.def.tx?.(' x ') === 'x',
  );

/**
 * The pattern of text that, once trimmed, is not empty and holds no control character: what `.trim().min(1)` with a
 * control-character refinement accepts, stated for the document (a refinement has no JSON Schema of its own).
 */
export const VISIBLE_TEXT_PATTERN =
  '^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u001f\\u007f]*$';

const errorBodySchema: SchemaObject = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', nullable: true, description: 'dotted path of the field, or null for the request' },
          message: { type: 'string' },
        },
      },
    },
  },
};

const meaning = {
  400: 'The request is malformed or a field is invalid; each field is named.',
  401: 'Missing, invalid or expired bearer token, or wrong credentials.',
  403: 'The actor lacks the role this operation requires.',
  404: 'No such resource.',
  405: 'The method is not offered on this path.',
  409: 'The request conflicts with the current state.',
  422: 'The request is well formed but names what does not exist (a user, a service provider); the field is named.',
  429: 'Too many failed sign-ins for this account or address: wait the Retry-After seconds.',
} as const;

/** Documents the error statuses of an operation, all in the `{errors: [{field, message}]}` shape. */
export const ApiErrorResponses = (...statuses: (keyof typeof meaning)[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: meaning[status], schema: errorBodySchema })),
  );

/** Documents each property of a zod object validating the query string as a query parameter, with its schema. */
export const ApiQueryFrom = (schema: z.ZodObject) => {
  const { properties = {}, required = [] } = openApiSchemaOf(schema);
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiQuery({ name, required: required.includes(name), schema: property as SchemaObject }),
    ),
  );
};
