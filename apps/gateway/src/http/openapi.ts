import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const BEARER_SCHEME = 'bearer';

/** Swagger UI at /api/docs and the document at /api/docs-json; the UI's assets are served locally (no CDN). */
export function serveOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('一网通办 One-stop services API')
    .setDescription(
      'Sign in with POST /api/auth/login, then send the access token as `Authorization: Bearer <token>`. ' +
        'Every error answers `{errors: [{field, message}]}`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'One-stop services API',
  });
  return document;
}
