import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EstablishmentApplication } from '@govflow/contracts';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import type { RegistrationView } from '../registration-view';
import { formErrorsOf } from './application-form';

interface SupplementForm {
  tradeName: string;
  industry: string;
  domicile: string;
  businessPremises: string;
  capitalAmount: string;
  businessScope: string;
  lrName: string;
  lrIdNumber: string;
  note: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

const formOf = (application: EstablishmentApplication): SupplementForm => ({
  tradeName: application.name.tradeName,
  industry: application.name.industry,
  domicile: application.domicile,
  businessPremises: application.businessPremises ?? '',
  capitalAmount: application.registeredCapital.amount,
  businessScope: application.businessScope.join('\n'),
  lrName: application.legalRepresentative.name,
  lrIdNumber: application.legalRepresentative.idNumber,
  note: '',
});

/** Only what the registrant changed goes to the API: each field replaces the application's whole. */
function changesOf(form: SupplementForm, current: EstablishmentApplication): Record<string, unknown> {
  const before = formOf(current);
  const scope = form.businessScope
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean);
  return {
    ...(form.tradeName !== before.tradeName || form.industry !== before.industry
      ? { name: { ...current.name, tradeName: form.tradeName, industry: form.industry } }
      : {}),
    ...(form.domicile !== before.domicile ? { domicile: form.domicile } : {}),
    ...(form.businessPremises !== before.businessPremises ? { businessPremises: form.businessPremises } : {}),
    ...(form.capitalAmount !== before.capitalAmount
      ? { registeredCapital: { amount: form.capitalAmount, currency: current.registeredCapital.currency } }
      : {}),
    ...(scope.join('\n') !== before.businessScope ? { businessScope: scope } : {}),
    ...(form.lrName !== before.lrName || form.lrIdNumber !== before.lrIdNumber
      ? { legalRepresentative: { name: form.lrName, idNumber: form.lrIdNumber } }
      : {}),
  };
}

function supplementErrorsOf(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    if (error.field === 'changes') return { field: 'domicile', message: '请至少修改一项申请信息后再提交补正' };
    if (error.field === 'note') return { field: 'note', message: '补正说明不能超过2000字' };
    const [mapped] = formErrorsOf([{ ...error, field: error.field?.replace(/^changes\./, '') ?? null }]);
    const field = mapped?.field === 'scopeOther' ? 'businessScope' : mapped?.field;
    return { field: field ?? null, message: mapped?.message ?? error.message };
  });
}

/** 补正: the registrant answers the officer's request for information, with the officer's reason in view. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/cases/:caseId/supplement')
export class SupplementPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async form(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const [view, application] = await this.load(page, caseId);
    this.render(page, view, application, formOf(application), []);
  }

  @Post()
  async submit(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const [view, application] = await this.load(page, caseId);
    const form: SupplementForm = {
      tradeName: text(body.tradeName),
      industry: text(body.industry),
      domicile: text(body.domicile),
      businessPremises: text(body.businessPremises),
      capitalAmount: text(body.capitalAmount),
      businessScope: typeof body.businessScope === 'string' ? body.businessScope : '',
      lrName: text(body.lrName),
      lrIdNumber: text(body.lrIdNumber).toUpperCase(),
      note: text(body.note),
    };
    const answer = await page.api.call('POST', `/api/registrations/${caseId}/supplement`, {
      changes: changesOf(form, application),
      note: form.note,
    });
    if (answer.ok) return response.redirect(303, `/portal/cases/${caseId}?supplemented=1`);
    // 409 with a name field: the new name is held by another case (R1.3); any other 409 is the case's state.
    const aboutTheName = answer.errors.some((e) => e.field?.startsWith('changes.name'));
    if (answer.status === 400 || (answer.status === 409 && aboutTheName)) {
      return this.render(page, view, application, form, supplementErrorsOf(answer.errors), answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private load(page: PageContext, caseId: string) {
    return Promise.all([
      page.api.read<RegistrationView>(`/api/registrations/${caseId}`),
      page.api.read<EstablishmentApplication>(`/api/registrations/${caseId}/application`),
    ]);
  }

  private render(
    page: PageContext,
    view: RegistrationView,
    application: EstablishmentApplication,
    form: SupplementForm,
    errors: FieldError[],
    status = 200,
  ) {
    page.render(
      'registrations/supplement.njk',
      {
        title: errors.length ? '错误：补正申请材料' : '补正申请材料',
        backLink: `/portal/cases/${view.caseId}`,
        view,
        application,
        form,
        errors,
      },
      status,
    );
  }
}
