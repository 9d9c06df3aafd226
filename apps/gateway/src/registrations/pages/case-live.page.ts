import {
  Controller,
  Get,
  type OnApplicationShutdown,
  Param,
  ParseUUIDPipe,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed, PortalApi } from '../../portal/portal-api';
import { PortalSessions } from '../../portal/session/portal-session';
import type { RegistrationView } from '../registration-view';
import { progressContext } from './case.page';

// A case event can reach the gateway a moment before the workflow reports the step it completes: look again.
const REFRESH_AFTER_EVENT_MS = [100, 600, 1500, 3000];
const SAFETY_REFRESH_MS = 10_000;

const sseData = (html: string) =>
  html
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n');

/**
 * The live part of a case page, as server-sent events for htmx: it follows the API's progress stream of the case
 * (`GET /api/registrations/:caseId/progress`, ids are arrival positions, so Last-Event-ID resumes) and, after each
 * event, reads the case again and sends the re-rendered steps when they changed.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/cases')
export class CaseLivePage implements OnApplicationShutdown {
  private readonly streams = new Set<AbortController>();

  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get(':caseId/live')
  async live(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
  ): Promise<void> {
    const session = this.sessions.require(request);
    const api = PortalApi.of(request, session.accessToken);
    const render = async () => {
      const view = await api.read<RegistrationView>(`/api/registrations/${caseId}`);
      return this.pages.render('registrations/case-progress.njk', { session, ...progressContext(view) });
    };
    let shown = await render();
    let lastId = typeof request.headers['last-event-id'] === 'string' ? request.headers['last-event-id'] : undefined;
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

    let queue = Promise.resolve();
    const refresh = () => {
      queue = queue
        .then(async () => {
          if (stop.signal.aborted) return;
          const html = await render();
          if (html === shown) return;
          shown = html;
          response.write(`${lastId ? `id: ${lastId}\n` : ''}event: progress\n${sseData(html)}\n\n`);
        })
        .catch(() => undefined);
    };
    const timers = new Set<NodeJS.Timeout>();
    const later = (ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        refresh();
      }, ms);
      timers.add(timer);
    };
    const safety = setInterval(refresh, SAFETY_REFRESH_MS);
    try {
      const upstream = await api.stream(`/api/registrations/${caseId}/progress`, lastId, stop.signal);
      if (!upstream.ok || !upstream.body) throw new ApiCallFailed(upstream.status, []);
      let buffered = '';
      const decoder = new TextDecoder();
      for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          if (!id) continue;
          lastId = id;
          // The latest event sets the schedule: a backlog of events costs four reads, not four per event.
          timers.forEach(clearTimeout);
          timers.clear();
          REFRESH_AFTER_EVENT_MS.forEach(later);
        }
      }
    } catch (error) {
      if (!stop.signal.aborted && !(error instanceof ApiCallFailed)) throw error;
    } finally {
      clearInterval(safety);
      timers.forEach(clearTimeout);
      this.streams.delete(stop);
      await queue;
      response.end();
    }
  }

  onApplicationShutdown(): void {
    for (const stream of this.streams) stream.abort();
  }
}
