import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed, PortalApi } from '../../portal/portal-api';
import { PortalSessions, type PortalSession } from '../../portal/session/portal-session';
import { toTaskDueView } from '../../tasks/task-due';
import { deadlineLineOf } from '../../portal/deadline-view';
import type { AnnouncementView } from '../deregistration.view';

const uuid = new ParseUUIDPipe();
const OBJECTION_FIELDS: Record<string, string> = { reason: '请填写异议理由', contact: '请填写联系方式' };
const CLOSED = '公告期已届满，异议通道已关闭，不能再提出异议。';

/**
 * The public announcement page (简易注销公告, no sign-in) and the objection form for signed-in users (a creditor's
 * real name is the account's). Both use the public API; its 409 after the period ends is said plainly.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('announcements')
export class AnnouncementsPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response, @Query('objected') objected?: string) {
    const session = this.sessions.find(request);
    const announcements = await this.announcements(request);
    this.send(response, session, 'deregistrations/announcements.njk', {
      title: '简易注销公告',
      announcements,
      objected: announcements.find((a) => a.caseId === objected),
    });
  }

  @Get(':caseId/objection')
  async objectionForm(@Req() request: Request, @Res() response: Response, @Param('caseId', uuid) caseId: string) {
    const session = this.sessions.require(request);
    await this.renderForm(request, response, session, caseId, { reason: '', contact: '' }, []);
  }

  @Post(':caseId/objection')
  async object(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const session = this.sessions.requireForm(request);
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const form = { reason: text(body.reason), contact: text(body.contact) };
    const api = PortalApi.of(request, session.accessToken);
    const answer = await api.call('POST', `/api/announcements/${caseId}/objections`, form);
    if (answer.ok) return response.redirect(303, `/announcements?objected=${caseId}`);
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
    form: { reason: string; contact: string },
    errors: FieldError[],
    status = 200,
  ) {
    const announcement = (await this.announcements(request)).find((a) => a.caseId === caseId);
    // A closed announcement is no longer listed: the form then says the channel closed rather than a bare 404.
    const closed = !announcement;
    const shown = closed && !errors.some((e) => e.message === CLOSED) ? [{ field: null, message: CLOSED }] : errors;
    this.send(
      response,
      session,
      'deregistrations/objection.njk',
      {
        title: shown.length ? '错误：提出异议' : '提出异议',
        backLink: '/announcements',
        caseId,
        announcement,
        closed,
        form,
        errors: shown,
      },
      closed && status === 200 ? 409 : status,
    );
  }

  private async announcements(request: Request) {
    const list = await PortalApi.of(request).read<AnnouncementView[]>('/api/announcements');
    const now = Date.now();
    return list
      .map((a) => {
        const due = toTaskDueView({ dueAt: a.endsAt, legalDueAt: a.endsAt, dueAtCalendar: a.endsAtCalendar });
        return { ...a, end: deadlineLineOf(due, now).calendar };
      })
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
