import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { PermitStatus } from '../../../../../workflows/permit/definitions';
import type { FieldError } from '../../http/api-error';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { permitCaseContext } from './permit-case.view';

const uuid = new ParseUUIDPipe();
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const DONE: Record<string, string> = {
  materials: '补正材料已提交，许可机关将继续审查。',
  renewal: '延续申请已提交，许可机关将审查后作出是否准予延续的决定。',
};

interface Extra {
  done?: string;
  refusal?: string;
  errors?: FieldError[];
  supplied?: Record<string, string>;
}

/** The registrant's permit case (R2.2–R2.4): progress and deadlines, 补正材料 after the notice, 延续 of a granted permit. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/permits')
export class PermitCasePage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get(':permitCaseId')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('permitCaseId', uuid) permitCaseId: string,
    @Query('done') done?: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.render(page, permitCaseId, { done: done && DONE[done] });
  }

  @Post(':permitCaseId/materials')
  async supply(
    @Req() request: Request,
    @Res() response: Response,
    @Param('permitCaseId', uuid) permitCaseId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const materials: Record<string, string> = {};
    for (const [name, value] of Object.entries(body)) {
      if (name.startsWith('material-') && text(value)) materials[name.slice('material-'.length)] = text(value);
    }
    const answer = await page.api.call('POST', `/api/permits/${permitCaseId}/materials`, { materials });
    if (answer.ok) return response.redirect(303, `/portal/permits/${permitCaseId}?done=materials`);
    if (answer.status === 400) {
      const errors = answer.errors.map((error) => materialErrorOf(error, body));
      return this.render(page, permitCaseId, { errors, supplied: materials }, 400);
    }
    if (answer.status === 409) return this.render(page, permitCaseId, { refusal: messageOf(answer.errors) }, 409);
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  @Post(':permitCaseId/renewal')
  async renew(
    @Req() request: Request,
    @Res() response: Response,
    @Param('permitCaseId', uuid) permitCaseId: string,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    const answer = await page.api.call('POST', `/api/permits/${permitCaseId}/renewal`, {});
    if (answer.ok) return response.redirect(303, `/portal/permits/${permitCaseId}?done=renewal`);
    if (answer.status === 409) return this.render(page, permitCaseId, { refusal: messageOf(answer.errors) }, 409);
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async render(page: PageContext, permitCaseId: string, extra: Extra, status = 200): Promise<void> {
    const view = await page.api.read<PermitStatus>(`/api/permits/${permitCaseId}`);
    const context = permitCaseContext(view);
    page.render(
      'permits/case.njk',
      {
        title: `${view.nameZh} - 许可办件`,
        backLink: `/portal/enterprises/${view.creditCode}`,
        ...context,
        errors: extra.errors ?? [],
        supplied: extra.supplied ?? {},
        done: extra.done,
        refusal: extra.refusal,
      },
      status,
    );
  }
}

const messageOf = (errors: FieldError[]) => errors.map((e) => e.message).join('；') || '当前不能办理该事项';

/** The API's 400 on the form's own field: `materials.<key>` on its input, `materials` on the first one. */
function materialErrorOf(error: FieldError, body: Record<string, unknown>): FieldError {
  const first = Object.keys(body).find((name) => name.startsWith('material-')) ?? 'material-';
  if (error.field === 'materials') return { field: first, message: '请至少填写一项补正材料' };
  if (error.field?.startsWith('materials.')) {
    const field = `material-${error.field.slice('materials.'.length)}`;
    return { field, message: error.message.includes('500') ? '不得超过500个字符' : error.message };
  }
  return error;
}
