import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { knownDivisions, nameVocabulary } from './application-form';

type NameQuery = Partial<Record<'division' | 'tradeName' | 'industry' | 'organizationForm', string>>;

const namePartsOf = (query: NameQuery) => ({
  division: (query.division ?? '').trim(),
  tradeName: (query.tradeName ?? '').trim(),
  industry: (query.industry ?? '').trim(),
  organizationForm: (query.organizationForm ?? '').trim(),
});

/** 企业名称自主申报: the registrant checks a name against the published rules while typing (R1.3). */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/apply/name')
export class NameCheckPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async form(@Req() request: Request, @Res() response: Response, @Query() query: NameQuery): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const name = namePartsOf(query);
    const result = Object.values(name).every(Boolean) ? await this.check(page, name) : undefined;
    page.render('registrations/name-check.njk', {
      title: '企业名称自主申报',
      name,
      result,
      divisions: knownDivisions(),
      ...nameVocabulary(),
    });
  }

  /** The result alone, for htmx as the registrant types. */
  @Get('result')
  async result(@Req() request: Request, @Res() response: Response, @Query() query: NameQuery): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const name = namePartsOf(query);
    const result = Object.values(name).every(Boolean) ? await this.check(page, name) : undefined;
    page.render('registrations/name-check-result.njk', { name, result });
  }

  private async check(page: PageContext, name: ReturnType<typeof namePartsOf>) {
    const answer = await page.api.call<{ available: boolean; problems: { code: string; message: string }[] }>(
      'GET',
      `/api/names/check?${new URLSearchParams(name).toString()}`,
    );
    if (!answer.ok) return { unavailable: true };
    return {
      available: answer.body.available,
      fullName: `${name.division}${name.tradeName}${name.industry}${name.organizationForm}`,
      // Each problem as market regulation words it: the rule, then what in this name breaks it (in Chinese).
      problems: answer.body.problems.map(({ code, message }) => ({ code, message })),
      applyLink: `/portal/apply?${new URLSearchParams(name).toString()}`,
    };
  }
}
