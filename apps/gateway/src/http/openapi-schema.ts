import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** The OpenAPI 3.0 schema of a zod schema, so a request's validation and its documentation cannot drift apart. */
export const openApiSchemaOf = (schema: z.ZodType): SchemaObject => {
  const { $schema: _, ...openApi } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' });
  return openApi as SchemaObject;
};

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
  429: 'Too many failed sign-ins for this account or address: wait the Retry-After seconds.',
} as const;

/** Documents the error statuses of an operation, all in the `{errors: [{field, message}]}` shape. */
export const ApiErrorResponses = (...statuses: (keyof typeof meaning)[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: meaning[status], schema: errorBodySchema })),
  );
