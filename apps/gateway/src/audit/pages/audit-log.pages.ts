import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import type { OperationEntry } from '../operations-log/operations-log';
import type { CaseDiff, CaseStateAt } from '../time-machine/case-state-at';
import { operationZh } from './audit-log.labels';
import { flatten } from '../time-machine/field-changes';
import { eventTypeZh, serviceZh } from './event-labels';
import { fieldZh, kindZh, readModelZh, statusZh, valueText } from './time-machine.labels';

const CASE_ID = /^[\w.:-]{1,200}$/;
/** What a datetime-local control sends: a wall-clock time, read as Beijing time. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** To the second: a default rounded down to the minute would leave out what happened in the last minute. */
const beijingLocal = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
const asInstant = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;

/** Each field (nested ones as dotted paths) as a labelled line of the page. */
const fieldLines = (fields: Record<string, unknown>) =>
  [...flatten(fields)].map(([field, value]) => ({ field, label: fieldZh(field), value: valueText(value) }));

/** The state's aggregates, tasks and read-model rows, labelled in Chinese (older states answer without them). */
function labelledState(state: CaseStateAt) {
  return {
    aggregates: (state.aggregates ?? []).map((a) => ({
      ...a,
      serviceLabel: serviceZh(a.service),
      kindLabel: kindZh(a.kind),
      statusLabel: statusZh(a.kind, a.status),
      lines: fieldLines(a.fields),
    })),
    tasks: (state.tasks ?? []).map((t) => ({
      ...t,
      serviceLabel: serviceZh(t.service),
      statusLabel: statusZh('task', t.status),
      assigneeText: t.assignee ? `${t.assignee.id}（${t.assignee.role}）` : '—',
      decidedByText: t.decidedBy ? `${t.decidedBy.id}（${t.decidedBy.role}）` : '—',
      groupText: t.candidateGroup ? `${t.candidateGroup.department} · ${t.candidateGroup.role}` : '—',
    })),
    readModels: (state.readModels ?? []).map((r) => ({
      ...r,
      readModelLabel: readModelZh(r.readModel),
      lines: fieldLines(r.row),
    })),
  };
}

/** The administrator's pages over the signed audit log: the operations log and a case's time machine. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/admin')
export class AuditLogPages {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get('operations')
  async operations(@Req() request: Request, @Res() response: Response): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    const entries = await page.api.read<OperationEntry[]>('/api/audit/operations');
    page.render('audit/operations.njk', {
      title: '管理员操作记录',
      entries: entries.map((entry) => ({
        ...entry,
        actionLabel: operationZh(entry.action),
        outcomeText: entry.outcome ? JSON.stringify(entry.outcome) : '',
      })),
    });
  }

  @Get('cases/:caseId/time-machine')
  async timeMachine(
    @Req() request: Request,
    @Res() response: Response,
    @Param('caseId') caseId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    if (!CASE_ID.test(caseId)) throw new ApiCallFailed(404, []);
    const text = (name: string) => (typeof query[name] === 'string' ? query[name].trim() : '');
    const form = { at: text('at') || beijingLocal(new Date()), from: text('from'), to: text('to') };
    const errors = (['at', 'from', 'to'] as const)
      .filter((field) => form[field] !== '' && !LOCAL_TIME.test(form[field]))
      .map((field) => ({ field, message: '请填写有效的日期和时间' }));
    if (Boolean(form.from) !== Boolean(form.to)) {
      errors.push({ field: form.from ? 'to' : 'from', message: '比较两个时刻时，请同时填写起止时间' });
    }
    const base = `/api/audit/cases/${encodeURIComponent(caseId)}`;
    const context = {
      title: '办件时光机',
      backLink: `/portal/admin/cases/${encodeURIComponent(caseId)}`,
      caseId,
      form,
    };
    if (errors.length) return page.render('audit/time-machine.njk', { ...context, errors }, 400);
    const state = await page.api.read<CaseStateAt>(
      `${base}/state?${new URLSearchParams({ at: asInstant(form.at) }).toString()}`,
    );
    const diff = form.from
      ? await page.api.read<CaseDiff>(
          `${base}/diff?${new URLSearchParams({ from: asInstant(form.from), to: asInstant(form.to) }).toString()}`,
        )
      : undefined;
    page.render('audit/time-machine.njk', {
      ...context,
      state: {
        ...state,
        streams: state.streams.map((s) => ({
          ...s,
          serviceLabel: serviceZh(s.service),
          lastEventLabel: eventTypeZh(s.lastEventType),
        })),
        ...labelledState(state),
      },
      diff: diff && {
        ...diff,
        events: diff.events.map((e) => ({ ...e, serviceLabel: serviceZh(e.service), typeLabel: eventTypeZh(e.type) })),
        changes: (diff.changes ?? []).map((c) => ({
          ...c,
          scopeLabel:
            c.scope === 'read-model'
              ? `读模型 ${readModelZh(c.id.split('/')[0] ?? '')}`
              : c.scope === 'task'
                ? '审核任务'
                : kindZh(c.kind),
          fields: c.fields.map((f) => ({
            ...f,
            label: fieldZh(f.field),
            beforeText: f.field === 'status' ? statusZh(c.kind, f.before as string | null) : valueText(f.before),
            afterText: f.field === 'status' ? statusZh(c.kind, f.after as string | null) : valueText(f.after),
          })),
        })),
      },
    });
  }
}
