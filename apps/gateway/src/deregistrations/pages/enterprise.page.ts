import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SupervisionRecordView } from '@govflow/contracts';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import {
  deregistrationStatusZh,
  OPEN_MATTERS,
  REGISTER_STATUSES,
  SUPERVISION_KINDS,
  supervisionActionZh,
} from './deregistration-labels';
import { permitSection } from '../../permits/pages/permit-section';
import { CREDIT_CODE, deregistrationsOf, ownEnterprises, supervisionRecordOf } from './registered-enterprise';

const IN_PROGRESS = new Set(['applied', 'announcing', 'awaiting-confirmation', 'under-review']);

const SUPERVISION_FIELDS: Record<string, string> = {
  kind: '请选择监管事项',
  action: '请选择列入（开启）或移出（关闭）',
  reason: '请填写决定的理由',
};

/**
 * An enterprise as the register and its supervision record (企业信用信息公示, R5.1) show it: 存续 or 注销; for a
 * registration officer the supervision form, for its registrant the simplified deregistration (简易注销) and its cases;
 * and, for whoever the permits API answers, its permits (先照后证).
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/enterprises')
export class EnterprisePage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  /** The registrant's own enterprises; anyone signed in may look one up by its credit code. */
  @Get()
  async list(@Req() request: Request, @Res() response: Response, @Query('creditCode') wanted?: string): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const code = (wanted ?? '').trim().toUpperCase();
    if (CREDIT_CODE.test(code)) return response.redirect(303, `/portal/enterprises/${code}`);
    const errors = wanted === undefined ? [] : [{ field: 'creditCode', message: '请填写18位统一社会信用代码' }];
    const own = page.session.actor.role === 'registrant' ? await ownEnterprises(page.api) : [];
    page.render(
      'deregistrations/enterprises.njk',
      {
        title: page.session.actor.role === 'registrant' ? '我的企业' : '企业查询',
        own,
        errors,
        creditCode: wanted ?? '',
      },
      errors.length ? 400 : 200,
    );
  }

  @Get(':creditCode')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('creditCode') creditCode: string,
    @Query('recorded') recorded?: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.render(page, creditCode, { recorded: recorded === '1' });
  }

  /** A registration officer's supervision decision (open or close a matter, with the reason). */
  @Post(':creditCode/supervision')
  async record(
    @Req() request: Request,
    @Res() response: Response,
    @Param('creditCode') creditCode: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const form = { kind: text(body.kind), action: text(body.action), reason: text(body.reason) };
    const answer = await page.api.call<SupervisionRecordView>(
      'POST',
      `/api/supervision/${encodeURIComponent(creditCode)}/records`,
      Object.fromEntries(Object.entries(form).filter(([, value]) => value !== '')),
    );
    if (answer.ok) return response.redirect(303, `/portal/enterprises/${encodeURIComponent(creditCode)}?recorded=1`);
    if (answer.status === 400) {
      const errors: FieldError[] = answer.errors.map((e) => ({
        field: e.field === 'kind' ? 'kind' : e.field === 'action' ? 'action-open' : e.field,
        message: (e.field && SUPERVISION_FIELDS[e.field]) ?? e.message,
      }));
      return this.render(page, creditCode, { errors, form }, 400);
    }
    if (answer.status === 409) {
      const message =
        form.action === 'open' ? '此事项已处于开启状态，不能重复列入。' : '此事项当前未开启，无需移出或解除。';
      return this.render(page, creditCode, { errors: [{ field: null, message }], form }, 409);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async render(page: PageContext, creditCode: string, extra: object, status = 200): Promise<void> {
    const record = await supervisionRecordOf(page.api, creditCode);
    const role = page.session.actor.role;
    const owned =
      role === 'registrant' && (await ownEnterprises(page.api)).some((e) => e.creditCode === record.creditCode);
    const [cases, permits] = await Promise.all([
      owned ? deregistrationsOf(page.api, record.creditCode) : [],
      permitSection(page.api, record.creditCode),
    ]);
    const deregistered = record.enterprise?.status === 'deregistered';
    page.render(
      'deregistrations/enterprise.njk',
      {
        title: record.enterprise?.enterpriseName ?? record.creditCode,
        backLink: '/portal/enterprises',
        record,
        registerStatus: REGISTER_STATUSES[record.enterprise?.status ?? 'registered'],
        deregistered,
        openMatters: record.open.map((kind) => OPEN_MATTERS[kind] ?? kind),
        entries: [...record.entries].reverse().map((entry) => ({
          ...entry,
          kindLabel: SUPERVISION_KINDS[entry.kind] ?? entry.kind,
          actionLabel: supervisionActionZh(entry.kind, entry.action),
        })),
        officer: role === 'registration-officer',
        kinds: Object.entries(SUPERVISION_KINDS).map(([value, label]) => ({ value, label })),
        owned,
        permits,
        scienceRecord: owned || ['science-officer', 'finance-officer', 'administrator'].includes(role),
        cases: cases.map((c) => ({ ...c, statusLabel: deregistrationStatusZh(c.status) })),
        mayApply: owned && !deregistered && !cases.some((c) => IN_PROGRESS.has(c.status)),
        errors: [],
        form: {},
        ...extra,
      },
      status,
    );
  }
}
