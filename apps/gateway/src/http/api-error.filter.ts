import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isMalformedPathParameter, malformedPathParameter } from './malformed-path-parameter';
import { toApiError } from './to-api-error';

/** Answers every error in the `{errors: [{field, message}]}` shape; a 5xx is logged with its stack, never sent. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = isMalformedPathParameter(exception)
      ? { status: 400, body: { errors: [malformedPathParameter(request, exception)] } }
      : toApiError(exception);
    if (status >= 500) {
      const detail = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.logger.error(`${request.method} ${request.originalUrl} failed: ${detail}`);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json(body);
  }
}
