import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ownEnterprises } from '../../deregistrations/pages/registered-enterprise';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { dueLineOf } from './science-labels';
import { voucherStatusZh } from './voucher-labels';

const uuid = new ParseUUIDPipe();
const IDEMPOTENCY_KEY = /^[\w-]{1,100}$/;
const STEPS = ['activity', 'contract', 'delivery', 'redemption'] as const;
type Step = (typeof STEPS)[number];
type Form = Record<string, string>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const hasHan = (message: string) => /\p{Script=Han}/u.test(message);

interface VoucherView {
  voucherId: string;
  status: string;
  claimantId: string;
  enterpriseName: string;
  creditCode: string;
  amount: string;
  claimedAt: string;
  activityDue?: Parameters<typeof dueLineOf>[0];
  contractDue?: Parameters<typeof dueLineOf>[0];
  activity?: { providerId: string; description: string };
  contract?: { validUntil: Parameters<typeof dueLineOf>[0] };
  delivery?: { summary: string; amount: string };
  payment?: { amount: string; paidAt: string };
  ended?: { returned: string };
  refusal?: { message: string };
}

/** The API names fields in English: the page says in Chinese what to fix. */
const FIELD_HINTS: Record<string, string> = {
  amount: '请以元为单位填写金额，最多两位小数，且不超过单张创新券上限',
  providerId: '请填写服务机构的账号（如 provider1）',
  description: '请写明购买的研发服务内容',
  summary: '请写明服务完成情况',
  creditCode: '请选择申领企业',
  programmeCode: '请选择创新券项目',
};
const errorsOf = (errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => ({
    field: e.field,
    message: hasHan(e.message) ? e.message : (FIELD_HINTS[e.field ?? ''] ?? e.message),
  }));

/**
 * 科技创新券: the firm claims a voucher and registers the service activity with a provider; the provider confirms
 * the contract, records delivery and asks for redemption; everyone follows the voucher on its page.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/vouchers')
export class VoucherPages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response) {
    await this.renderList(pageContext(this.pages, this.sessions, request, response), {}, []);
  }

  @Post('claim')
  async claim(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const form: Form = { creditCode: text(body.creditCode), amount: text(body.amount) };
    const key = IDEMPOTENCY_KEY.test(text(body.idempotencyKey)) ? text(body.idempotencyKey) : randomUUID();
    const answer = await page.api.call<{ voucherId: string }>(
      'POST',
      '/api/vouchers',
      { programmeCode: text(body.programmeCode), ...form },
      { 'idempotency-key': key },
    );
    if (answer.ok) return response.redirect(303, `/portal/vouchers/${answer.body.voucherId}`);
    if ([400, 403, 409].includes(answer.status))
      return this.renderList(page, form, errorsOf(answer.errors), answer.status);
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  @Get(':voucherId')
  async show(@Req() request: Request, @Res() response: Response, @Param('voucherId', uuid) voucherId: string) {
    await this.renderVoucher(pageContext(this.pages, this.sessions, request, response), voucherId, {}, []);
  }

  @Post(':voucherId/:step')
  async act(
    @Req() request: Request,
    @Res() response: Response,
    @Param('voucherId', uuid) voucherId: string,
    @Param('step') step: string,
    @Body() body: Record<string, unknown>,
  ) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    if (!STEPS.includes(step as Step)) throw new ApiCallFailed(404, [{ field: null, message: '没有此办理步骤' }]);
    const form: Form = {};
    for (const field of ['providerId', 'description', 'summary', 'amount', 'note']) {
      if (text(body[field])) form[field] = text(body[field]);
    }
    const answer = await page.api.call('POST', `/api/vouchers/${voucherId}/${step}`, form);
    if (answer.ok) return response.redirect(303, `/portal/vouchers/${voucherId}`);
    if ([400, 403, 409, 422].includes(answer.status)) {
      return this.renderVoucher(page, voucherId, form, errorsOf(answer.errors), answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async renderList(page: PageContext, form: Form, errors: FieldError[], status = 200) {
    const role = page.session.actor.role;
    const [vouchers, enterprises] = await Promise.all([
      role === 'registrant' || role === 'provider' ? page.api.read<VoucherView[]>('/api/vouchers') : [],
      role === 'registrant' ? ownEnterprises(page.api) : [],
    ]);
    page.render(
      'science/voucher-list.njk',
      {
        title: `${errors.length ? '错误：' : ''}科技创新券`,
        backLink: '/portal/science',
        vouchers: vouchers.map((v) => ({ ...v, statusLabel: voucherStatusZh(v.status) })),
        mayClaim: role === 'registrant',
        enterprises,
        form,
        errors,
        idempotencyKey: randomUUID(),
      },
      status,
    );
  }

  private async renderVoucher(page: PageContext, voucherId: string, form: Form, errors: FieldError[], status = 200) {
    const view = await page.api.read<VoucherView>(`/api/vouchers/${voucherId}`);
    const { role, id } = page.session.actor;
    const isFirm = id === view.claimantId;
    const isProvider = role === 'provider' && id === view.activity?.providerId;
    page.render(
      'science/voucher-case.njk',
      {
        title: `${errors.length ? '错误：' : ''}科技创新券 - ${voucherStatusZh(view.status)}`,
        backLink: '/portal/vouchers',
        view,
        statusLabel: voucherStatusZh(view.status),
        activityDue: dueLineOf(view.activityDue),
        contractDue: dueLineOf(view.contractDue),
        validUntil: dueLineOf(view.contract?.validUntil),
        may: {
          activity: isFirm && view.status === 'claimed',
          contract: isProvider && view.status === 'activity-registered',
          delivery: isProvider && view.status === 'contracted',
          redemption: isProvider && view.status === 'delivered',
        },
        polling: !['paid', 'lapsed', 'expired', 'refused', 'redemption-rejected'].includes(view.status),
        form,
        errors,
      },
      status,
    );
  }
}
