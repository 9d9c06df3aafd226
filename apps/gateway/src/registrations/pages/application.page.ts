import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { type FieldError, RequestValidationFailed } from '../../http/api-error';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { ENTITY_TYPES } from '../../portal/labels';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { establishmentApplicationRequest } from '../application/establishment-application.request';
import {
  type ApplicationDraft,
  applicationRequestOf,
  businessScopeOf,
  draftFromForm,
  emptyDraft,
  formErrorsOf,
  knownDivisions,
  nameVocabulary,
} from './application-form';
import { BUSINESS_SCOPE_TERMS } from './business-scope-terms';

const validation = new ZodValidationPipe(establishmentApplicationRequest);
const IDEMPOTENCY_KEY = /^[\w-]{1,100}$/;

/** What the API's own validation says of a draft: the same schema POST /api/registrations applies. */
function problemsOf(draft: ApplicationDraft): FieldError[] {
  try {
    validation.transform(applicationRequestOf(draft));
    return [];
  } catch (error) {
    if (error instanceof RequestValidationFailed) return error.errors;
    throw error;
  }
}

function draftFromHidden(value: unknown): ApplicationDraft {
  try {
    return draftFromForm(JSON.parse(typeof value === 'string' ? value : '{}') as Record<string, unknown>);
  } catch {
    return emptyDraft();
  }
}

/** The form's fields as a flat record, so a draft survives the check-answers page in one hidden field. */
function formOfDraft(draft: ApplicationDraft): Record<string, unknown> {
  const { shareholders, ...rest } = draft;
  return {
    ...rest,
    ...Object.fromEntries(
      shareholders.flatMap((row, i) => [
        [`sh${i}Name`, row.name],
        [`sh${i}IdNumber`, row.idNumber],
        [`sh${i}Amount`, row.amount],
      ]),
    ),
  };
}

/** The establishment application (设立登记): form, check your answers, submit once. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/apply')
export class ApplicationPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  form(@Req() request: Request, @Res() response: Response, @Query() query: Record<string, string>): void {
    const page = pageContext(this.pages, this.sessions, request, response);
    const { division = '', tradeName = '', industry = '', organizationForm = '有限公司' } = query;
    this.renderForm(page, emptyDraft({ division, tradeName, industry, organizationForm }), [], 2);
  }

  @Post()
  review(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>): void {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const draft = draftFromForm(body);
    if (body.action === 'add-shareholder') return this.renderForm(page, draft, [], draft.shareholders.length + 1);
    const errors = formErrorsOf(problemsOf(draft), draft);
    if (errors.length > 0) return this.renderForm(page, draft, errors, draft.shareholders.length + 1, 400);
    page.render('registrations/check-answers.njk', {
      title: '核对申请信息',
      draft,
      businessScope: businessScopeOf(draft),
      entityType: ENTITY_TYPES[draft.entityType] ?? draft.entityType,
      hiddenDraft: JSON.stringify(formOfDraft(draft)),
      idempotencyKey: randomUUID(),
    });
  }

  @Post('edit')
  edit(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>): void {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const draft = draftFromHidden(body.draft);
    this.renderForm(page, draft, [], draft.shareholders.length + 1);
  }

  @Post('submit')
  async submit(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const draft = draftFromHidden(body.draft);
    const key =
      typeof body.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(body.idempotencyKey)
        ? body.idempotencyKey
        : randomUUID();
    const answer = await page.api.call<{ caseId: string }>('POST', '/api/registrations', applicationRequestOf(draft), {
      'idempotency-key': key,
    });
    if (answer.ok) return response.redirect(303, `/portal/cases/${answer.body.caseId}/submitted`);
    if (answer.status === 400 || answer.status === 409) {
      // 400: a field, or a rule of the name (R1.3); 409: another case holds the name, or this form was sent changed.
      const aboutTheName = answer.errors.some((e) => e.field?.startsWith('name'));
      const errors =
        answer.status === 409 && !aboutTheName
          ? [{ field: null, message: '此申请已提交过且内容有变化，请返回核对申请信息后重新提交。' }]
          : formErrorsOf(answer.errors, draft);
      return this.renderForm(page, draft, errors, draft.shareholders.length + 1, answer.status, aboutTheName);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private renderForm(
    page: PageContext,
    draft: ApplicationDraft,
    errors: FieldError[],
    rows: number,
    status = 200,
    nameRefused = false,
  ) {
    const shareholders = Array.from(
      { length: Math.max(rows, 2) },
      (_, i) => draft.shareholders[i] ?? { name: '', idNumber: '', amount: '' },
    );
    page.render(
      'registrations/application.njk',
      {
        title: errors.length ? '错误：设立登记申请' : '设立登记申请',
        draft,
        errors,
        nameRefused,
        shareholders,
        divisions: knownDivisions(),
        scopeTerms: BUSINESS_SCOPE_TERMS,
        entityTypes: Object.entries(ENTITY_TYPES).map(([value, label]) => ({ value, label })),
        ...nameVocabulary(),
      },
      status,
    );
  }
}
