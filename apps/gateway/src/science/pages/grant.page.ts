import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { GrantObjection } from '@govflow/contracts';
import { ownEnterprises } from '../../deregistrations/pages/registered-enterprise';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import type { GrantStep } from '../../../../../workflows/grant/definitions';
import {
  CLAWBACK_GROUNDS,
  clawbackStatusZh,
  dueLineOf,
  grantStatusZh,
  grantStepZh,
  objectionStatusZh,
  stepStatusZh,
} from './science-labels';

const uuid = new ParseUUIDPipe();
const IDEMPOTENCY_KEY = /^[\w-]{1,100}$/;

export interface ProgrammeView {
  code: string;
  name: string;
  amountRule: { kind: string; maximum?: string; fixed?: string; level?: string };
  budget: string;
  openToApplication: boolean;
}

interface GrantCaseView {
  caseId: string;
  status: string;
  creditCode: string;
  enterpriseName: string;
  programmeCode: string;
  amount: string;
  steps: GrantStep[];
  scores: { expert: { username?: string; id: string }; score: number; comment?: string; at: string }[];
  conflicts: { expert: { id: string }; reason: string; at: string }[];
  notice?: { noticeId: string; startedAt: string; due: GrantStep['due']; open: boolean };
  objections: GrantObjection[];
  payment?: { paidBy: { id: string }; paidAt: string; amount: string };
  published?: { at: string };
  refusal?: { type: string; message: string };
  clawbacks: {
    clawbackId: string;
    status: string;
    ground: string;
    rate: string;
    reason: string;
    fine?: string;
    amountDue?: string;
  }[];
}

type Form = Record<string, string>;

function grantErrorsOf(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    if (error.field === 'requestedAmount') {
      const zh = /\p{Script=Han}/u.test(error.message) ? error.message : '请以元为单位填写申请金额，最多两位小数';
      return { field: 'requestedAmount', message: zh };
    }
    if (error.field === 'programmeCode')
      return { field: 'programmeCode', message: error.message.replace(/^must.*/, '请选择资金支持项目') };
    if (error.field === 'creditCode')
      return { field: 'creditCode', message: /\p{Script=Han}/u.test(error.message) ? error.message : '请选择申请单位' };
    return { field: null, message: error.message };
  });
}

function clawbackErrorsOf(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    if (error.field === 'rate') {
      const zh = /\p{Script=Han}/u.test(error.message) ? error.message : '请以百分数填写罚款比例，如 20 或 12.5';
      return { field: 'rate', message: zh };
    }
    if (error.field === 'ground') return { field: 'ground-false-material-or-fraud', message: '请选择收回依据' };
    if (error.field === 'reason') return { field: 'clawback-reason', message: '请写明收回理由' };
    return { field: null, message: error.message };
  });
}

/**
 * 资金支持: the registrant applies to a programme open to application (amounts as yuan decimal strings) and follows
 * the grant (steps with deadlines, expert scores, 公示 and its objections, 拨付, 上网公示); a science officer opens a
 * clawback (追回) of a paid grant from its case page.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/grants')
export class GrantPages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get('apply')
  async form(@Req() request: Request, @Res() response: Response) {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.renderApply(page, {}, []);
  }

  @Post('apply')
  async submit(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const form: Form = {
      programmeCode: text(body.programmeCode),
      creditCode: text(body.creditCode),
      requestedAmount: text(body.requestedAmount),
    };
    const key = IDEMPOTENCY_KEY.test(text(body.idempotencyKey)) ? text(body.idempotencyKey) : randomUUID();
    const answer = await page.api.call<{ caseId: string }>(
      'POST',
      '/api/grants',
      {
        programmeCode: form.programmeCode,
        creditCode: form.creditCode,
        ...(form.requestedAmount && { requestedAmount: form.requestedAmount }),
      },
      { 'idempotency-key': key },
    );
    if (answer.ok) return response.redirect(303, `/portal/grants/${answer.body.caseId}`);
    if (answer.status === 400 || answer.status === 409 || answer.status === 403) {
      return this.renderApply(page, form, grantErrorsOf(answer.errors), answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  @Get(':caseId')
  async show(@Req() request: Request, @Res() response: Response, @Param('caseId', uuid) caseId: string) {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.renderCase(page, caseId, {}, []);
  }

  @Post(':caseId/clawbacks')
  async clawBack(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const form = { ground: text(body.ground), rate: text(body.rate), reason: text(body.reason) };
    const answer = await page.api.call('POST', `/api/grants/${caseId}/clawbacks`, {
      ground: form.ground || undefined,
      rate: form.rate,
      reason: form.reason,
    });
    if (answer.ok) return response.redirect(303, `/portal/grants/${caseId}?clawback=opened`);
    if (answer.status === 400 || answer.status === 409) {
      return this.renderCase(page, caseId, form, clawbackErrorsOf(answer.errors), answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async renderCase(page: PageContext, caseId: string, form: Form, errors: FieldError[], status = 200) {
    const [view, listing] = await Promise.all([
      page.api.read<GrantCaseView>(`/api/grants/${caseId}`),
      page.api.read<{ programmes: ProgrammeView[] }>('/api/grant-programmes'),
    ]);
    const programme = listing.programmes.find((p) => p.code === view.programmeCode);
    const settled = ['paid', 'rejected', 'refused', 'withdrawn'].includes(view.status);
    const published = view.steps.some((s) => s.name === 'publication' && s.status === 'done');
    page.render(
      'science/grant-case.njk',
      {
        title: `${errors.length ? '错误：' : ''}资金支持 - ${grantStatusZh(view.status)}`,
        backLink: '/portal/science',
        view,
        statusLabel: grantStatusZh(view.status),
        programmeName: programme?.name ?? view.programmeCode,
        steps: view.steps.map((s) => ({
          ...s,
          label: grantStepZh(s.name),
          statusLabel: stepStatusZh(s.status),
          due: dueLineOf(s.due),
        })),
        noticeEnd: dueLineOf(view.notice?.due),
        objections: view.objections.map((o) => ({ ...o, statusLabel: objectionStatusZh(o.status) })),
        clawbacks: view.clawbacks.map((c) => ({ ...c, statusLabel: clawbackStatusZh(c.status) })),
        mayClawBack: page.session.actor.role === 'science-officer' && view.status === 'paid',
        grounds: CLAWBACK_GROUNDS,
        polling: !(settled && (published || view.status !== 'paid')),
        opened: page.request.query.clawback === 'opened',
        form,
        errors,
      },
      status,
    );
  }

  private async renderApply(page: PageContext, form: Form, errors: FieldError[], status = 200) {
    const [enterprises, listing] = await Promise.all([
      ownEnterprises(page.api),
      page.api.read<{ programmes: ProgrammeView[] }>('/api/grant-programmes'),
    ]);
    page.render(
      'science/grant-apply.njk',
      {
        title: errors.length ? '错误：申请资金支持' : '申请资金支持',
        backLink: '/portal/science',
        enterprises,
        programmes: listing.programmes.filter((p) => p.openToApplication),
        automatic: listing.programmes.filter((p) => !p.openToApplication),
        form,
        errors,
        notEligible: status === 409 || status === 403,
        idempotencyKey: randomUUID(),
      },
      status,
    );
  }
}
