import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { methodNotAllowed } from './http/method-not-allowed';
import { serveOpenApi } from './http/openapi';
import { securityHeaders } from './http/security-headers';

/** What the gateway adds to the created application before it listens; the tests boot it the same way. */
export function configureGateway(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(securityHeaders);
  const document = serveOpenApi(app);
  express.use(methodNotAllowed(document.paths as Record<string, Record<string, unknown>>));
}
