import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { caseStatusZh } from '../../portal/labels';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { auditProblemZh } from './audit-log.labels';
import { eventTypeZh, READ_MODELS, serviceZh } from './event-labels';

interface CaseEvent {
  eventId: string;
  type: string;
  service: string;
  occurredAt: string;
  actor: { id: string; username: string | null; role: string; department: string | null };
  reason: string | null;
  streamId: string;
  version: number;
  causationId: string | null;
}

interface AuditVerdict {
  ok: boolean;
  services: {
    service: string;
    ok: boolean;
    reachable?: boolean;
    treeSize: number;
    checkpointSize?: number;
    problems: { kind: string; logIndex?: number; streamId?: string; version?: number; position?: string }[];
  }[];
}

const CASE_ID = /^[\w.:-]{1,200}$/;

/** The administrator's pages: find a case, its timeline across services, integrity, read models. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/admin')
export class AdminPages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async search(@Req() request: Request, @Res() response: Response, @Query('q') q?: string): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const text = (q ?? '').trim();
    const results = text
      ? await page.api.read<{ caseId: string; enterpriseName: string; submittedAt: string }[]>(
          `/api/admin/cases?${new URLSearchParams({ q: text }).toString()}`,
        )
      : undefined;
    page.render('audit/search.njk', { title: '办件查询', q: text, results });
  }

  @Get('cases/:caseId')
  async timeline(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    if (!CASE_ID.test(caseId)) throw new ApiCallFailed(404, []);
    const events = await page.api.read<CaseEvent[]>(`/api/audit/cases/${encodeURIComponent(caseId)}/events`);
    const status = await page.api.call<{ status: string; license?: { enterpriseName: string; creditCode: string } }>(
      'GET',
      `/api/registrations/${encodeURIComponent(caseId)}`,
    );
    const known = new Set(events.map((event) => event.eventId));
    page.render('audit/timeline.njk', {
      title: '办件时间线',
      backLink: '/portal/admin',
      caseId,
      caseView: status.ok ? { ...status.body, statusLabel: caseStatusZh(status.body.status) } : undefined,
      events: events.map((event) => ({
        ...event,
        typeLabel: eventTypeZh(event.type),
        serviceLabel: serviceZh(event.service),
        refused: event.type === 'TaskRefused',
        causedByEvent: event.causationId !== null && known.has(event.causationId),
      })),
    });
  }

  @Get('integrity')
  integrity(@Req() request: Request, @Res() response: Response): void {
    pageContext(this.pages, this.sessions, request, response).render('audit/integrity.njk', { title: '完整性校验' });
  }

  @Post('integrity')
  async verify(@Req() request: Request, @Res() response: Response): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const answer = await page.api.call<AuditVerdict>('POST', '/api/audit/verify', {});
    if (!answer.ok) throw new ApiCallFailed(answer.status, answer.errors);
    const reports = await Promise.all(
      answer.body.services.map(async (report) => {
        const latest = await page.api.call<{ size: number; signedAt: string }>(
          'GET',
          `/api/audit/checkpoints/latest?${new URLSearchParams({ service: report.service }).toString()}`,
        );
        return {
          ...report,
          reachable: report.reachable !== false,
          serviceLabel: serviceZh(report.service),
          checkpoint: latest.ok ? latest.body : undefined,
          problems: report.problems.map((problem) => ({ ...problem, kindLabel: auditProblemZh(problem.kind) })),
        };
      }),
    );
    page.render('audit/integrity.njk', {
      title: '完整性校验结果',
      reports,
      allIntact: answer.body.ok,
      checkedAt: new Date().toISOString(),
    });
  }

  @Get('read-models')
  async readModels(@Req() request: Request, @Res() response: Response): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const done = typeof request.query.rebuilt === 'string' ? request.query.rebuilt : undefined;
    await this.renderReadModels(page, done ? { rebuilt: READ_MODELS[done] ?? done } : {});
  }

  @Post('read-models/:name/rebuild')
  async rebuild(
    @Req() request: Request,
    @Res() response: Response,
    @Param('name') name: string,
    @Body() _body: unknown,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const answer = await page.api.call('POST', `/api/admin/read-models/${encodeURIComponent(name)}/rebuild`, {});
    if (answer.ok) return response.redirect(303, `/portal/admin/read-models?rebuilt=${encodeURIComponent(name)}`);
    const message =
      answer.status === 409 ? '该读模型正在重建，请稍后再试。' : answer.errors.map((e) => e.message).join('；');
    await this.renderReadModels(page, { refusal: message }, answer.status);
  }

  private async renderReadModels(page: ReturnType<typeof pageContext>, extra: object, status = 200): Promise<void> {
    const models =
      await page.api.read<{ readModel: string; table: string; rows: number; lag: number | null }[]>(
        '/api/admin/read-models',
      );
    page.render(
      'audit/read-models.njk',
      {
        title: '读模型',
        models: models.map((model) => ({ ...model, label: READ_MODELS[model.readModel] ?? model.readModel })),
        ...extra,
      },
      status,
    );
  }
}
