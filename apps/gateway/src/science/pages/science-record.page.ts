import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { pageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import type { ScienceRecordView } from '../record/science-record.controller';
import { clawbackStatusZh, LEVELS, makerSpaceStatusZh } from './science-labels';

const GRANT_RECORD_STATUS: Record<string, string> = {
  'in-progress': '办理中',
  rejected: '不予资助',
  withdrawn: '已撤销资助',
  paid: '已拨付',
  recovered: '已追回',
};
const GROUNDS: Record<string, string> = { 'false-material-or-fraud': '虚假材料或欺诈', 'misuse-of-funds': '截留挪用' };
const groundZh = (ground: string | null) => (ground && GROUNDS[ground]) ?? ground ?? '';

/** 科技计划项目信用记录: what the science commission holds about one enterprise, read from the API. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/enterprises/:creditCode/science-record')
export class ScienceRecordPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('creditCode') creditCode: string) {
    const page = pageContext(this.pages, this.sessions, request, response);
    const record = await page.api.read<ScienceRecordView>(
      `/api/science/enterprises/${encodeURIComponent(creditCode)}/record`,
    );
    page.render('science/science-record.njk', {
      title: `${record.enterpriseName} ${record.title}`,
      backLink: `/portal/enterprises/${encodeURIComponent(record.creditCode)}`,
      record,
      makerSpaces: record.makerSpaces.map((m) => ({
        ...m,
        levelLabel: (m.level && LEVELS[m.level]) ?? m.level,
        statusLabel: makerSpaceStatusZh(m.status),
      })),
      grants: record.grants.map((g) => ({ ...g, statusLabel: GRANT_RECORD_STATUS[g.status] ?? g.status })),
      clawbacks: record.clawbacks.map((c) => ({
        ...c,
        groundLabel: groundZh(c.ground),
        statusLabel: clawbackStatusZh(c.status),
      })),
      referrals: record.referrals.map((r) => ({ ...r, groundLabel: groundZh(r.ground) })),
    });
  }
}
