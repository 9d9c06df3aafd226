import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EstablishmentApplication } from '@govflow/contracts';
import { deadlineLineOf, reviewPeriodZh } from '../../portal/deadline-view';
import { caseStatusZh, departmentZh, ENTITY_TYPES } from '../../portal/labels';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import type { DeregistrationSummary } from '../../deregistrations/deregistration.view';
import { deregistrationStatusZh } from '../../deregistrations/pages/deregistration-labels';
import type { RegistrationView } from '../registration-view';
import { registeringAuthorityOf } from './application-form';
import { stepLinesOf } from './case-steps';

interface CaseSummary {
  caseId: string;
  status: string;
  submittedAt: string;
  enterpriseName: string;
}

const uuid = new ParseUUIDPipe();
const applicationReceipt = (caseId: string) => `/api/audit/cases/${caseId}/application-receipt`;

/** The registrant's cases (我的办件), each case's live progress, its confirmation and its e-license. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/cases')
export class CasePages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const cases = await page.api.read<CaseSummary[]>('/api/registrations');
    // A refused case says why where it is listed: the reasons are in its case view.
    const reasons = await Promise.all(
      cases.map(async (c) => {
        if (c.status !== 'refused') return [];
        const view = await page.api.call<RegistrationView>('GET', `/api/registrations/${c.caseId}`);
        if (!view.ok || !view.body.refusal) return [];
        const { problems, message } = view.body.refusal;
        return problems.length ? problems.map((p) => p.message) : [message];
      }),
    );
    // The registrant's simplified deregistrations are cases too (简易注销); the page lists them below.
    const deregistrations = await page.api.call<DeregistrationSummary[]>('GET', '/api/deregistrations');
    page.render('registrations/my-cases.njk', {
      title: '我的办件',
      deregistrations: (deregistrations.ok ? deregistrations.body : [])
        .filter((d) => d.enterpriseName)
        .map((d) => ({ ...d, statusLabel: deregistrationStatusZh(d.status) })),
      cases: cases.map((c, i) => ({
        ...c,
        statusLabel: caseStatusZh(c.status),
        refused: c.status === 'refused',
        reasons: reasons[i],
      })),
    });
  }

  @Get(':caseId')
  async show(@Req() request: Request, @Res() response: Response, @Param('caseId', uuid) caseId: string): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const view = await page.api.read<RegistrationView>(`/api/registrations/${caseId}`);
    const receipt = await page.api.call('GET', applicationReceipt(caseId));
    page.render('registrations/case.njk', {
      title: '办件进度',
      backLink: '/portal/cases',
      receipt: receipt.status === 200 ? 'ready' : receipt.status === 202 ? 'pending' : undefined,
      ...progressContext(view),
    });
  }

  /** The application's receipt as a JSON file the registrant keeps; any outsider can check it with the key. */
  @Get(':caseId/receipt')
  async receipt(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const answer = await page.api.call('GET', applicationReceipt(caseId));
    if (answer.ok && answer.status === 200) {
      response
        .status(200)
        .type('application/json')
        .attachment(`申请回执-${caseId}.json`)
        .send(JSON.stringify(answer.body, null, 2));
      return;
    }
    if (answer.ok) return response.redirect(303, `/portal/cases/${caseId}`);
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  @Get(':caseId/submitted')
  async submitted(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const view = await page.api.read<RegistrationView>(`/api/registrations/${caseId}`);
    const review = view.steps.find((step) => step.name === 'officer-review' && step.due);
    page.render('registrations/submitted.njk', {
      title: '申请已提交',
      caseId,
      reviewPeriod: reviewPeriodZh(view.steps[0]?.at),
      reviewDeadline: review?.due && deadlineLineOf(review.due),
      clock: view.clock,
    });
  }

  @Get(':caseId/license')
  async license(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const view = await page.api.read<RegistrationView>(`/api/registrations/${caseId}`);
    const application = await page.api.read<EstablishmentApplication>(`/api/registrations/${caseId}/application`);
    page.render('registrations/license.njk', {
      title: '电子营业执照',
      backLink: `/portal/cases/${caseId}`,
      view,
      application,
      entityType: ENTITY_TYPES[application.entityType] ?? application.entityType,
      issuingAuthority: registeringAuthorityOf(application.name.division),
      permits: permitsOf(view),
    });
  }
}

const permitsOf = (view: RegistrationView) =>
  view.requiredPermits.map((permit) => ({ ...permit, authorityZh: departmentZh(permit.authority) }));

/** What the live part of the case page shows; the SSE stream re-renders the same. */
export function progressContext(view: RegistrationView) {
  return {
    view,
    caseId: view.caseId,
    statusLabel: caseStatusZh(view.status),
    steps: stepLinesOf(view),
    permits: permitsOf(view),
  };
}
