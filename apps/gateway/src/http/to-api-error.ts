import { HttpException, HttpStatus } from '@nestjs/common';
import { type ApiErrorBody, FieldsRefused, RequestValidationFailed } from './api-error';
import { isDependencyUnavailable } from './dependency-unavailable';

export const INTERNAL_ERROR_MESSAGE = 'internal error';
export const UNAVAILABLE_MESSAGE = 'temporarily unavailable; try again';

/** The status and body the client sees for any thrown value; details of unexpected errors stay in the log. */
export function toApiError(exception: unknown): { status: number; body: ApiErrorBody } {
  if (exception instanceof RequestValidationFailed) {
    return { status: HttpStatus.BAD_REQUEST, body: { errors: exception.errors } };
  }
  if (exception instanceof FieldsRefused) return { status: exception.getStatus(), body: { errors: exception.errors } };
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return answer(exception.getStatus(), messagesOf(exception));
  }
  if (isClientHttpError(exception)) return answer(exception.status, [exception.message]);
  const unavailable =
    isDependencyUnavailable(exception) || (exception instanceof HttpException && exception.getStatus() === 503);
  if (unavailable) return answer(HttpStatus.SERVICE_UNAVAILABLE, [UNAVAILABLE_MESSAGE]);
  const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
  return answer(status, [INTERNAL_ERROR_MESSAGE]);
}

const answer = (status: number, messages: string[]) => ({
  status,
  body: { errors: messages.map((message) => ({ field: null, message })) },
});

function messagesOf(exception: HttpException): string[] {
  const response = exception.getResponse();
  if (typeof response === 'string') return [response];
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return [message];
  if (Array.isArray(message) && message.every((m) => typeof m === 'string') && message.length) return message;
  return [exception.message];
}

// Errors from Express middleware (body-parser: payload too large, bad charset) carry a safe status and message.
function isClientHttpError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
