import type { INestApplication } from '@nestjs/common';
import { serveOpenApi } from './http/openapi';

/** What the gateway adds to the created application before it listens; the tests boot it the same way. */
export function configureGateway(app: INestApplication): void {
  serveOpenApi(app);
}
