import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageRenderer } from './page-renderer';
import { ApiCallFailed } from './portal-api';
import { CsrfRejected, PortalSessions, SignInRequired } from './session/portal-session';

const MESSAGES: Record<number, string> = {
  400: '请求有误，请返回检查后重试。',
  401: '您的登录已失效，请重新登录。',
  403: '您没有办理此事项的权限。',
  404: '没有找到您要的页面或办件。',
  409: '此事项的状态已变化，请刷新后再试。',
  503: '服务暂时不可用，请稍后再试。',
};

/** Pages answer errors as pages in Chinese: sign-in for a missing session, a plain message otherwise, never a stack. */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Portal');

  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof SignInRequired) {
      response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(exception.returnTo)}`);
      return;
    }
    const status = statusOf(exception);
    if (status >= 500) {
      const detail = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.logger.error(`${request.method} ${request.originalUrl} failed: ${detail}`);
    }
    const detail = exception instanceof ApiCallFailed && status < 500 ? exception.errors.map((e) => e.message) : [];
    const message = exception instanceof CsrfRejected ? '表单已过期，请返回刷新页面后重新提交。' : MESSAGES[status];
    response
      .status(status)
      .type('html')
      .send(
        this.pages.render('portal/error.njk', {
          session: this.sessions.find(request),
          status,
          message: message ?? '系统出现错误，请稍后再试。',
          detail,
        }),
      );
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof ApiCallFailed) return exception.status;
  if (exception instanceof CsrfRejected) return 403;
  if (exception instanceof HttpException) return exception.getStatus();
  return 500;
}
