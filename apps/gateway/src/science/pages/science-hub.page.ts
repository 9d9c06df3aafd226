import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { pageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { grantStatusZh, LEVELS, makerSpaceStatusZh } from './science-labels';

interface RecognitionSummary {
  caseId: string;
  status: string;
  creditCode: string;
  enterpriseName?: string;
  level: string;
}
interface GrantSummary {
  caseId: string;
  status: string;
  creditCode: string;
  enterpriseName: string;
  programmeCode: string;
  amount: string;
}

/** 科技创新服务: the registrant's recognition and grant cases, and where to apply. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/science')
export class ScienceHubPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response) {
    const page = pageContext(this.pages, this.sessions, request, response);
    const registrant = page.session.actor.role === 'registrant';
    const [recognitions, grants] = registrant
      ? await Promise.all([
          page.api.read<RecognitionSummary[]>('/api/maker-spaces'),
          page.api.read<GrantSummary[]>('/api/grants'),
        ])
      : [[], []];
    page.render('science/science.njk', {
      title: '科技创新服务',
      registrant,
      recognitions: recognitions.map((r) => ({
        ...r,
        levelLabel: LEVELS[r.level] ?? r.level,
        statusLabel: makerSpaceStatusZh(r.status),
      })),
      grants: grants.map((g) => ({ ...g, statusLabel: grantStatusZh(g.status) })),
    });
  }
}
