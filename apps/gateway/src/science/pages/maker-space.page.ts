import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { MakerSpaceStatus } from '../../../../../workflows/maker-space/definitions';
import { ownEnterprises } from '../../deregistrations/pages/registered-enterprise';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { dueLineOf, FIGURES, LEVELS, makerSpaceStatusZh } from './science-labels';

const uuid = new ParseUUIDPipe();
const IDEMPOTENCY_KEY = /^[\w-]{1,100}$/;
type Form = Record<string, string>;

/** The API's field names (figures.floorAreaM2) as the form's ids, each message in Chinese. */
function formErrorsOf(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    const figure = FIGURES.find((f) => error.field === `figures.${f.key}`);
    if (figure) return { field: figure.key, message: `请填写${figure.label}（不小于0的整数，单位：${figure.unit}）` };
    if (error.field === 'creditCode') return { field: 'creditCode', message: '请选择申请认定的企业' };
    if (error.field === 'level') return { field: 'level-national', message: '请选择认定级别' };
    return { field: null, message: error.message };
  });
}

/** A whole number typed into the form, or the text itself so the API names the field. */
const figureOf = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : text === '' ? undefined : text);

/**
 * 众创空间认定: the registrant applies for one of their licensed enterprises at a level with its figures, and follows
 * the case (the failing criteria as the API lists them, the review's deadline, the recognition and its grant).
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/maker-spaces')
export class MakerSpacePages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get('apply')
  async form(@Req() request: Request, @Res() response: Response) {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.render(page, {}, []);
  }

  @Post('apply')
  async submit(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const form: Form = Object.fromEntries(
      ['creditCode', 'level', ...FIGURES.map((f) => f.key)].map((key) => [key, text(body[key])]),
    );
    const key = IDEMPOTENCY_KEY.test(text(body.idempotencyKey)) ? text(body.idempotencyKey) : randomUUID();
    const answer = await page.api.call<{ caseId: string }>(
      'POST',
      '/api/maker-spaces',
      {
        creditCode: form.creditCode,
        level: form.level || undefined,
        figures: Object.fromEntries(FIGURES.map((f) => [f.key, figureOf(form[f.key]!)])),
      },
      { 'idempotency-key': key },
    );
    if (answer.ok) return response.redirect(303, `/portal/maker-spaces/${answer.body.caseId}`);
    if (answer.status === 400 || answer.status === 409) {
      return this.render(page, form, formErrorsOf(answer.errors), answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  @Get(':caseId')
  async show(@Req() request: Request, @Res() response: Response, @Param('caseId', uuid) caseId: string) {
    const page = pageContext(this.pages, this.sessions, request, response);
    const view = await page.api.read<MakerSpaceStatus>(`/api/maker-spaces/${caseId}`);
    page.render('science/maker-space-case.njk', {
      title: `众创空间认定 - ${makerSpaceStatusZh(view.status)}`,
      backLink: '/portal/science',
      view,
      statusLabel: makerSpaceStatusZh(view.status),
      levelLabel: LEVELS[view.level] ?? view.level,
      figures: FIGURES.map((f) => ({ ...f, value: view.figures[f.key as keyof typeof view.figures] })),
      reviewDue: dueLineOf(view.review?.due),
      settled: ['recognised', 'rejected', 'refused'].includes(view.status),
    });
  }

  private async render(page: PageContext, form: Form, errors: FieldError[], status = 200) {
    const enterprises = await ownEnterprises(page.api);
    page.render(
      'science/maker-space-apply.njk',
      {
        title: errors.length ? '错误：申请众创空间认定' : '申请众创空间认定',
        backLink: '/portal/science',
        enterprises,
        figures: FIGURES,
        levels: Object.entries(LEVELS).map(([value, label]) => ({ value, label })),
        form,
        errors,
        idempotencyKey: randomUUID(),
      },
      status,
    );
  }
}
