import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { GrantObjection } from '@govflow/contracts';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed, PortalApi } from '../../portal/portal-api';
import { PortalSessions, type PortalSession } from '../../portal/session/portal-session';
import type { ProgrammeView } from './grant.page';
import { dueLineOf } from './science-labels';

const uuid = new ParseUUIDPipe();
const CLOSED = '公示期已届满，异议通道已关闭，不能再提出异议。';
const OBJECTION_FIELDS: Record<string, string> = {
  reason: '请填写异议理由',
  evidence: '证据材料说明不超过4000字',
};

interface NoticeView {
  noticeId: string;
  caseId: string;
  enterpriseName: string;
  creditCode: string;
  programmeCode: string;
  amount: string;
  startedAt: string;
  endsAt: string;
  endsAtCalendar?: string;
  objections: number;
}

interface PublishedView {
  caseId: string;
  enterpriseName: string;
  creditCode: string;
  programmeCode: string;
  amount: string;
  paidAt?: string;
  publishedAt?: string;
  publication: 'published' | 'withdrawn';
  withdrawnAt?: string;
}

/** Programme codes as their names, from the public programme list. */
async function programmeNames(request: Request): Promise<Map<string, string>> {
  const { programmes } = await PortalApi.of(request).read<{ programmes: ProgrammeView[] }>('/api/grant-programmes');
  return new Map(programmes.map((p) => [p.code, p.name]));
}

type ObjectionForm = { reason: string; evidence: string; anonymous: boolean };

/**
 * The science commission's public pages, no sign-in: grants on 公示 with the objection form for signed-in users (the
 * objector's real name is the account's), and the paid grants published (上网公示). Both read the public API.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller()
export class PublicNoticePages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get('public-notices')
  async list(@Req() request: Request, @Res() response: Response, @Query('objected') objected?: string) {
    const session = this.sessions.find(request);
    const notices = await this.notices(request);
    this.send(response, session, 'science/public-notices.njk', {
      title: '资金支持拟资助公示',
      notices,
      objected: notices.find((n) => n.caseId === objected),
      rejected: request.query.rejected === '1',
    });
  }

  @Get('grants/published')
  async published(@Req() request: Request, @Res() response: Response) {
    const session = this.sessions.find(request);
    const [grants, names] = await Promise.all([
      PortalApi.of(request).read<PublishedView[]>('/api/grants/published'),
      programmeNames(request),
    ]);
    this.send(response, session, 'science/published.njk', {
      title: '资金支持结果上网公示',
      grants: grants.map((g) => ({ ...g, programme: names.get(g.programmeCode) ?? g.programmeCode })),
    });
  }

  @Get('public-notices/:caseId/objection')
  async objectionForm(@Req() request: Request, @Res() response: Response, @Param('caseId', uuid) caseId: string) {
    const session = this.sessions.require(request);
    await this.renderForm(request, response, session, caseId, { reason: '', evidence: '', anonymous: false }, []);
  }

  @Post('public-notices/:caseId/objection')
  async object(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const session = this.sessions.requireForm(request);
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const form = { reason: text(body.reason), evidence: text(body.evidence), anonymous: body.anonymous === 'yes' };
    const api = PortalApi.of(request, session.accessToken);
    const answer = await api.call<GrantObjection>('POST', `/api/public-notices/${caseId}:notice/objections`, {
      caseId,
      reason: form.reason,
      ...(form.evidence && { evidence: form.evidence }),
      ...(form.anonymous && { anonymous: true }),
    });
    if (answer.ok) {
      const rejected = answer.body.status === 'rejected' ? '&rejected=1' : '';
      return response.redirect(303, `/public-notices?objected=${caseId}${rejected}`);
    }
    if (answer.status === 400) {
      const errors: FieldError[] = answer.errors.map((e) => ({
        field: e.field,
        message: (e.field && OBJECTION_FIELDS[e.field]) ?? e.message,
      }));
      return this.renderForm(request, response, session, caseId, form, errors, 400);
    }
    if (answer.status === 409) {
      return this.renderForm(request, response, session, caseId, form, [{ field: null, message: CLOSED }], 409);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async renderForm(
    request: Request,
    response: Response,
    session: PortalSession,
    caseId: string,
    form: ObjectionForm,
    errors: FieldError[],
    status = 200,
  ) {
    const notice = (await this.notices(request)).find((n) => n.caseId === caseId);
    // A closed notice is no longer listed: the form then says the channel closed rather than a bare 404.
    const closed = !notice;
    const shown = closed && !errors.some((e) => e.message === CLOSED) ? [{ field: null, message: CLOSED }] : errors;
    this.send(
      response,
      session,
      'science/notice-objection.njk',
      {
        title: shown.length ? '错误：对拟资助项目提出异议' : '对拟资助项目提出异议',
        backLink: '/public-notices',
        caseId,
        notice,
        closed,
        form,
        errors: shown,
      },
      closed && status === 200 ? 409 : status,
    );
  }

  private async notices(request: Request) {
    const [list, names] = await Promise.all([
      PortalApi.of(request).read<NoticeView[]>('/api/public-notices'),
      programmeNames(request),
    ]);
    return list
      .map((n) => ({
        ...n,
        programme: names.get(n.programmeCode) ?? n.programmeCode,
        end: dueLineOf({ dueAt: n.endsAt, legalDueAt: n.endsAt, timeScale: 1, dueAtCalendar: n.endsAtCalendar }),
      }))
      .sort((a, b) => a.endsAt.localeCompare(b.endsAt));
  }

  private send(
    response: Response,
    session: PortalSession | undefined,
    template: string,
    context: object,
    status = 200,
  ) {
    response
      .status(status)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(this.pages.render(template, { session, ...context }));
  }
}
