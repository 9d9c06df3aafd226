import {
  Body,
  Controller,
  Get,
  type OnApplicationShutdown,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { DeregistrationStatus } from '../../../../../workflows/deregistration/definitions';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed, PortalApi } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { deregistrationCaseContext } from './deregistration-case.view';

// The API has no event stream for a deregistration yet: the page's stream reads the case this often and sends the
// re-rendered part when it changed (the countdown included).
const READ_EVERY_MS = 1000;
const uuid = new ParseUUIDPipe();

const sseData = (html: string) =>
  html
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n');

/** The registrant follows a deregistration: announcement countdown, objections, 清税, confirmation, outcome. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/deregistrations')
export class DeregistrationCasePage implements OnApplicationShutdown {
  private readonly streams = new Set<AbortController>();

  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get(':caseId')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
    @Query('done') done?: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.render(page, caseId, { done: done === 'confirm' || done === 'extend' ? done : undefined });
  }

  @Post(':caseId/confirm')
  async confirm(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const extend = body.action === 'extend';
    const answer = await page.api.call('POST', `/api/deregistrations/${caseId}/confirm`, extend ? { extend } : {});
    if (answer.ok)
      return response.redirect(303, `/portal/deregistrations/${caseId}?done=${extend ? 'extend' : 'confirm'}`);
    if (answer.status === 409) {
      const refusal = extend
        ? '未能延长确认期限：确认期限只能延长一次，且须在确认期限届满前申请。'
        : '未能确认：公告期尚未届满，或确认期限已过。';
      return this.render(page, caseId, { refusal }, 409);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  @Get(':caseId/live')
  async live(@Req() request: Request, @Res() response: Response, @Param('caseId', uuid) caseId: string) {
    const session = this.sessions.require(request);
    const api = PortalApi.of(request, session.accessToken);
    const render = async () => {
      const view = await api.read<DeregistrationStatus>(`/api/deregistrations/${caseId}`);
      return this.pages.render('deregistrations/case-progress.njk', { session, ...deregistrationCaseContext(view) });
    };
    let shown = await render();
    const stop = new AbortController();
    this.streams.add(stop);
    request.on('close', () => stop.abort());
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 1000\n\n');
    try {
      while (!stop.signal.aborted) {
        await new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS));
        if (stop.signal.aborted) break;
        const html = await render().catch(() => shown);
        if (html === shown) continue;
        shown = html;
        response.write(`event: progress\n${sseData(html)}\n\n`);
      }
    } finally {
      this.streams.delete(stop);
      response.end();
    }
  }

  onApplicationShutdown(): void {
    for (const stream of this.streams) stream.abort();
  }

  private async render(page: PageContext, caseId: string, extra: object, status = 200): Promise<void> {
    const view = await page.api.read<DeregistrationStatus>(`/api/deregistrations/${caseId}`);
    page.render(
      'deregistrations/case.njk',
      {
        title: '简易注销办件',
        backLink: view.enterprise ? `/portal/enterprises/${view.enterprise.creditCode}` : '/portal/enterprises',
        ...deregistrationCaseContext(view),
        ...extra,
      },
      status,
    );
  }
}
