import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import { type FieldError } from './api-error';

// Express decodes path parameters while it matches routes, before any pipe runs: percent-encoding that is not
// UTF-8 (`%FF`) makes its router throw a URIError with this message, which Nest turns into a BadRequestException.
const DECODE_FAILURE = /^Failed to decode param '(.*)'$/s;

export const isMalformedPathParameter = (error: unknown): error is Error =>
  (error instanceof URIError || error instanceof BadRequestException) && DECODE_FAILURE.test(error.message);

interface RouteLayer {
  route?: { path?: unknown };
}

/** The problem, naming the route's parameter whose raw segment failed to decode (or `path` if none matches). */
export function malformedPathParameter(request: Request, error: Error): FieldError {
  const raw = DECODE_FAILURE.exec(error.message)?.[1];
  const segments = request.path.split('/');
  const index = segments.indexOf(raw ?? '');
  const message = 'must be valid UTF-8 when percent-decoded';
  if (index < 0) return { field: 'path', message };
  const stack = (request.app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  for (const layer of stack) {
    const template = layer.route?.path;
    if (typeof template !== 'string') continue;
    const parts = template.split('/');
    const fits =
      parts.length === segments.length && parts.every((part, i) => part.startsWith(':') || part === segments[i]);
    if (fits && parts[index]?.startsWith(':')) return { field: parts[index].slice(1), message };
  }
  return { field: 'path', message };
}
