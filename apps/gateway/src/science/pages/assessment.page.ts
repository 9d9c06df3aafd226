import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AssessmentYearStatus } from '../../../../../workflows/assessment/definitions';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { assessmentOutcomeZh, assessmentStatusZh, INDICATORS, yearRunStatusZh } from './assessment-labels';

const uuid = new ParseUUIDPipe();
type Form = Record<string, string>;
/** How far back the page looks for failed years in a row (N is 2 in Tongzhou; a few more years cost little). */
const LOOK_BACK_YEARS = 5;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const previousYear = () => new Date().getUTCFullYear() - 1;
const yearOf = (value: unknown) => (/^\d{4}$/.test(text(value)) ? text(value) : String(previousYear()));

/** The API's field names (indicators.trainees, year) as the form's ids, each message in Chinese. */
function formErrorsOf(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    const indicator = INDICATORS.find((i) => error.field === `indicators.${i.key}`);
    if (indicator) {
      const kind = indicator.money ? '不小于0的金额，最多两位小数' : '不小于0的整数';
      return { field: indicator.key, message: `请填写${indicator.label}（${kind}，单位：${indicator.unit}）` };
    }
    if (error.field === 'year') return { field: 'year', message: `请填写考核年度：${error.message}` };
    return { field: null, message: error.message };
  });
}

/** A whole number typed into the form, or the text itself so the API names the field. */
const countOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : value === '' ? undefined : value);

/**
 * 年度绩效考核: the administrator starts a year's assessment and follows its results; the maker space's owner files
 * the yearly report (年度绩效考核材料) of a recognition case.
 */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal')
export class AssessmentPages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get('admin/assessments')
  async year(@Req() request: Request, @Res() response: Response, @Query('year') year: unknown) {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.renderYear(page, yearOf(year), []);
  }

  @Post('admin/assessments')
  async start(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const year = text(body.year);
    const answer = await page.api.call('POST', `/api/assessments/${encodeURIComponent(year)}/runs`, {});
    if (answer.ok) return response.redirect(303, `/portal/admin/assessments?year=${year}`);
    if (answer.status === 400) return this.renderYear(page, year, formErrorsOf(answer.errors), 400);
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  @Get('maker-spaces/:caseId/assessment')
  reportForm(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
    @Query('year') year: unknown,
  ) {
    const page = pageContext(this.pages, this.sessions, request, response);
    this.renderReport(page, caseId, { year: yearOf(year) }, []);
  }

  @Post('maker-spaces/:caseId/assessment')
  async report(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId', uuid) caseId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const form: Form = Object.fromEntries(['year', ...INDICATORS.map((i) => i.key)].map((k) => [k, text(body[k])]));
    const indicators = Object.fromEntries(
      INDICATORS.map((i) => [i.key, i.money ? form[i.key] || undefined : countOf(form[i.key]!)]),
    );
    const answer = await page.api.call<{ status: string }>(
      'POST',
      `/api/maker-spaces/${caseId}/assessments/${encodeURIComponent(form.year!)}/report`,
      { indicators },
    );
    if (answer.ok) return this.renderReport(page, caseId, form, [], 200, answer.body.status);
    if (answer.status === 400 || answer.status === 409 || answer.status === 404) {
      return this.renderReport(page, caseId, form, formErrorsOf(answer.errors), answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async renderYear(page: PageContext, year: string, errors: FieldError[], status = 200) {
    const shown = await page.api.call<AssessmentYearStatus>('GET', `/api/assessments/${encodeURIComponent(year)}`);
    if (!shown.ok && shown.status !== 404 && shown.status !== 400) throw new ApiCallFailed(shown.status, shown.errors);
    const run = shown.ok ? shown.body : undefined;
    const failedInARow = run ? await this.failedYearsInARow(page, run) : new Map<string, number>();
    page.render(
      'science/assessment-year.njk',
      {
        title: errors.length ? '错误：众创空间年度考核' : '众创空间年度考核',
        year,
        errors,
        run,
        runStatusLabel: run ? yearRunStatusZh(run.status) : '',
        makerSpaces: (run?.makerSpaces ?? []).map((space) => ({
          ...space,
          statusLabel: assessmentStatusZh(space.status),
          outcomeLabel: assessmentOutcomeZh(space.outcome),
          failedInARow: failedInARow.get(space.caseId) ?? 0,
          revoked: space.status === 'revoked',
        })),
      },
      status,
    );
  }

  /** Failed years in a row up to the shown one, from the earlier years' results the API holds. */
  private async failedYearsInARow(page: PageContext, run: AssessmentYearStatus): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    let counting = run.makerSpaces.filter((s) => s.outcome === 'failed').map((s) => s.caseId);
    counting.forEach((caseId) => counts.set(caseId, 1));
    for (let year = run.year - 1; counting.length && year > run.year - LOOK_BACK_YEARS; year -= 1) {
      const earlier = await page.api.call<AssessmentYearStatus>('GET', `/api/assessments/${year}`);
      if (!earlier.ok) break;
      const failed = new Set(earlier.body.makerSpaces.filter((s) => s.outcome === 'failed').map((s) => s.caseId));
      counting = counting.filter((caseId) => failed.has(caseId));
      counting.forEach((caseId) => counts.set(caseId, (counts.get(caseId) ?? 0) + 1));
    }
    return counts;
  }

  private renderReport(
    page: PageContext,
    caseId: string,
    form: Form,
    errors: FieldError[],
    status = 200,
    filedStatus?: string,
  ) {
    page.render(
      'science/assessment-report.njk',
      {
        title: errors.length ? '错误：填报年度绩效考核材料' : '填报年度绩效考核材料',
        backLink: `/portal/maker-spaces/${caseId}`,
        caseId,
        indicators: INDICATORS,
        form,
        errors,
        filed: filedStatus ? assessmentStatusZh(filedStatus) : undefined,
      },
      status,
    );
  }
}
