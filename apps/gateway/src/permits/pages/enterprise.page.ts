import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { permitCatalogues, type PermitCatalogueEntry } from '@govflow/policy';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import type { EnterpriseView } from '../enterprises.controller';
import { permitRouteZh } from './permit-labels';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Applying for a permit from the enterprise's page (R2.2; the page itself shows permitSection). */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/enterprises/:creditCode')
export class EnterprisePages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get('permits/:permitCode/apply')
  async form(
    @Req() request: Request,
    @Res() response: Response,
    @Param('creditCode') creditCode: string,
    @Param('permitCode') permitCode: string,
  ) {
    const page = pageContext(this.pages, this.sessions, request, response);
    const enterprise = await page.api.read<EnterpriseView>(`/api/enterprises/${encodeURIComponent(creditCode)}`);
    const entry = this.entryOf(permitCode);
    this.renderForm(page, enterprise, entry, { route: entry.procedure?.routes[0] ?? 'standard' }, []);
  }

  @Post('permits/:permitCode/apply')
  async apply(
    @Req() request: Request,
    @Res() response: Response,
    @Param('creditCode') creditCode: string,
    @Param('permitCode') permitCode: string,
    @Body() body: Record<string, unknown>,
  ) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const enterprise = await page.api.read<EnterpriseView>(`/api/enterprises/${encodeURIComponent(creditCode)}`);
    const entry = this.entryOf(permitCode);
    const route = text(body.route);
    const materials: Record<string, string> = {};
    for (const { key } of entry.procedure?.materials ?? []) {
      const value = text(body[`material-${key}`]);
      if (value) materials[key] = value;
    }
    const accepted = body.commitmentAccepted === 'yes';
    const conditionsVersion = text(body.conditionsVersion);
    const answer = await page.api.call('POST', '/api/permits', {
      creditCode,
      permitCode,
      route,
      materials,
      ...(route === 'commitment' && { commitment: { conditionsVersion, ...(accepted && { accepted: true }) } }),
    });
    if (answer.ok) return response.redirect(303, `/portal/enterprises/${creditCode}?applied=${permitCode}`);
    if (answer.status === 400 || answer.status === 409) {
      const errors = answer.errors.map(formErrorOf);
      return this.renderForm(page, enterprise, entry, { route, materials, accepted }, errors, answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private entryOf(permitCode: string): PermitCatalogueEntry {
    const entry = permitCatalogues.at(new Date()).value.find((e) => e.code === permitCode);
    if (!entry?.procedure) throw new ApiCallFailed(404, [{ field: null, message: '目录中没有该许可事项' }]);
    return entry;
  }

  private renderForm(
    page: PageContext,
    enterprise: EnterpriseView,
    entry: PermitCatalogueEntry,
    form: { route: string; materials?: Record<string, string>; accepted?: boolean },
    errors: FieldError[],
    status = 200,
  ) {
    const routes = (entry.procedure?.routes ?? []).map((r) => ({ value: r, label: permitRouteZh(r) }));
    page.render('permits/apply.njk', { title: `申请${entry.nameZh}`, enterprise, entry, routes, form, errors }, status);
  }
}

/** The API's error as the form shows it: the commitment on its checkbox, in the applicant's words. */
function formErrorOf(error: FieldError): FieldError {
  const { field } = error;
  if (field === 'commitment' || field === 'commitment.accepted')
    return { field: 'commitmentAccepted', message: '选择告知承诺的，请阅读告知承诺书并勾选承诺' };
  if (field === 'commitment.conditionsVersion') return { ...error, field: 'commitmentAccepted' };
  if (field === 'route' && error.message.startsWith('must be')) return { field, message: '请选择办理方式' };
  if (field === 'permitCode') return { ...error, field: 'route' };
  return error;
}
