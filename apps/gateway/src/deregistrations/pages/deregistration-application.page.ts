import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { applicationFormErrors, type DeregistrationForm, deregistrationRequestOf } from './deregistration-form';
import { investorsOf, ownEnterprises, supervisionRecordOf } from './registered-enterprise';

const IDEMPOTENCY_KEY = /^[\w-]{1,100}$/;

/**
 * The owner's application for simplified deregistration (简易注销): the declaration and every investor's commitment
 * (全体投资人承诺书), the investors pre-listed from the register. The API checks everything; its 400 is shown on the
 * field it names, its 409 with every reason the enterprise is not eligible.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/enterprises')
export class DeregistrationApplicationPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get(':creditCode/deregistration')
  async form(@Req() request: Request, @Res() response: Response, @Param('creditCode') creditCode: string) {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.render(page, creditCode, { declaration: '', signed: [] }, []);
  }

  @Post(':creditCode/deregistration')
  async submit(
    @Req() request: Request,
    @Res() response: Response,
    @Param('creditCode') creditCode: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const form: DeregistrationForm = {
      declaration: typeof body.declaration === 'string' ? body.declaration : '',
      signed: (Array.isArray(body.signed) ? body.signed : [body.signed]).filter(
        (value): value is string => typeof value === 'string',
      ),
    };
    const { investors } = await this.enterprise(page, creditCode);
    const refused = (status: number, errors: FieldError[]) =>
      this.render(page, creditCode, form, applicationFormErrors(status, errors, investors), status);
    const key =
      typeof body.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(body.idempotencyKey)
        ? body.idempotencyKey
        : randomUUID();
    const answer = await page.api.call<{ caseId: string }>(
      'POST',
      '/api/deregistrations',
      deregistrationRequestOf(creditCode, form, investors, new Date()),
      { 'idempotency-key': key },
    );
    if (answer.ok) return response.redirect(303, `/portal/deregistrations/${answer.body.caseId}`);
    if (answer.status === 400 || answer.status === 409) {
      return refused(answer.status, answer.errors);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async enterprise(page: PageContext, creditCode: string) {
    const own = (await ownEnterprises(page.api)).find((e) => e.creditCode === creditCode);
    // Only the registrant who holds the license applies: anyone else is told so, as the API would (403).
    if (!own) throw new ApiCallFailed(403, [{ field: null, message: '只有企业的登记申请人可以申请简易注销' }]);
    return { own, investors: await investorsOf(page.api, own.establishmentCaseId) };
  }

  private async render(
    page: PageContext,
    creditCode: string,
    form: DeregistrationForm,
    errors: FieldError[],
    status = 200,
  ): Promise<void> {
    const { own, investors } = await this.enterprise(page, creditCode);
    const record = await supervisionRecordOf(page.api, creditCode);
    page.render(
      'deregistrations/apply.njk',
      {
        title: errors.length ? '错误：申请简易注销' : '申请简易注销',
        backLink: `/portal/enterprises/${creditCode}`,
        enterprise: own,
        openMatters: record.open.length > 0,
        investors: investors.map((investor, i) => ({ ...investor, id: `commitment-${i}`, value: String(i) })),
        form,
        errors,
        notEligible: status === 409,
        idempotencyKey: randomUUID(),
      },
      status,
    );
  }
}
