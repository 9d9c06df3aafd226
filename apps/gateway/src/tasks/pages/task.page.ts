import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EstablishmentApplication } from '@govflow/contracts';
import type { FieldError } from '../../http/api-error';
import { deadlineLineOf, reviewPeriodZh } from '../../portal/deadline-view';
import { ENTITY_TYPES, OUTCOMES, caseStatusZh } from '../../portal/labels';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { ApiCallFailed } from '../../portal/portal-api';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import type { RegistrationView } from '../../registrations/registration-view';
import { REGISTRATION_REVIEW } from '../review-name-checks';
import type { InboxTaskView } from '../task-view';
import type { TaskDueView } from '../task-due';
import type { DeregistrationStatus } from '../../../../../workflows/deregistration/definitions';
import { deregistrationReviewContext, DEREGISTRATION_REVIEW } from './deregistration-review';
import { isScienceTask, scienceFieldErrors, scienceReviewContext } from './science-review';
import { failureZh, taskActionZh, taskEventZh, taskKindZh, taskRuleZh, withoutRequestSyntax } from './task-labels';

interface NamedActor {
  id: string;
  username: string | null;
  role: string;
  department: string | null;
}

interface TaskDetail extends TaskDueView {
  taskId: string;
  caseId: string;
  kind: string;
  assignee: string | null;
  assigneeUsername: string | null;
  escalated: boolean;
  status: 'open' | 'decided' | 'lapsed';
  candidateGroup: { role: string; department: string };
  decision?: { outcome: string; reason?: string; decidedAt: string };
  history: {
    sequence: number;
    at: string;
    type: string;
    actor?: NamedActor;
    to?: NamedActor;
    outcome?: string;
    reason?: string;
    attempted?: string;
    message?: string;
    failure?: string;
  }[];
}

const ACTIONS = ['claim', 'unclaim', 'reassign', 'decision'] as const;
type Action = (typeof ACTIONS)[number];

const HAN = /\p{Script=Han}/u;

/**
 * The workflow's refusal, said plainly: a four-eyes or department refusal is a message, never a raw error. A refusal
 * the API already words in Chinese (a name no longer available at approval, R1.3) is shown as it is.
 */
function refusalZh(status: number, errors: readonly FieldError[]): string {
  const detail = errors.map((e) => e.message).join('；');
  if (errors.length > 0 && errors.every((e) => HAN.test(e.message))) return `此操作未被接受：${detail}`;
  if (status === 403) return `此操作未被接受：您不能办理此任务（部门或角色不符，或违反四眼原则）。系统说明：${detail}`;
  if (status === 409) return `此操作未被接受：任务状态已变化（已被他人认领、已决定或办件已结束）。系统说明：${detail}`;
  return `此操作未被接受：${detail}`;
}

const confirmationZh = (message: string) => `${withoutRequestSyntax(message)}。请核实后勾选下方的确认，再提交核准。`;

function fieldErrorsZh(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    if (error.field === 'confirms') return { field: 'confirms', message: confirmationZh(error.message) };
    if (error.field === 'reason') return { field: 'reason', message: '不予登记或要求补正时必须填写理由' };
    if (error.field === 'outcome') return { field: 'outcome-approve', message: '请选择审核结论' };
    if (error.field === 'to') return { field: 'to', message: '请填写要转办给的同事的用户名（须为本部门审核员）' };
    return { field: null, message: error.message };
  });
}

/** The officer's task page: the whole application, why the task exists and who may see it, its history, actions. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/tasks')
export class TaskPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get(':taskId')
  async show(@Req() request: Request, @Res() response: Response, @Param('taskId') taskId: string): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    await this.render(page, taskId, {});
  }

  @Post(':taskId/:action')
  async act(
    @Req() request: Request,
    @Res() response: Response,
    @Param('taskId') taskId: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response, { form: true });
    if (!ACTIONS.includes(action as Action)) throw new ApiCallFailed(404, []);
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const payload: Record<Action, unknown> = {
      claim: {},
      unclaim: {},
      reassign: { to: text(body.to), reason: text(body.reason) },
      decision: {
        outcome: text(body.outcome),
        ...(text(body.reason) ? { reason: text(body.reason) } : {}),
        ...(confirmsOf(body).length && text(body.outcome) === 'approve' ? { confirms: confirmsOf(body) } : {}),
        ...(text(body.score) && text(body.outcome) === 'approve' ? { confirms: [`score:${text(body.score)}`] } : {}),
      },
    };
    const answer = await page.api.call(
      'POST',
      `/api/tasks/${encodeURIComponent(taskId)}/${action}`,
      payload[action as Action],
    );
    if (answer.ok) {
      return response.redirect(303, `/portal/tasks/${encodeURIComponent(taskId)}?done=${action}`);
    }
    if (answer.status === 400 || answer.status === 422) {
      return this.render(page, taskId, { errors: fieldErrorsZh(answer.errors), form: body }, answer.status);
    }
    if (answer.status === 403 || answer.status === 409) {
      return this.render(page, taskId, { refusal: refusalZh(answer.status, answer.errors) }, answer.status);
    }
    throw new ApiCallFailed(answer.status, answer.errors);
  }

  private async render(page: PageContext, taskId: string, extra: object, status = 200): Promise<void> {
    const path = `/api/tasks/${encodeURIComponent(taskId)}`;
    const task = await page.api.read<TaskDetail>(path);
    if (task.kind === DEREGISTRATION_REVIEW) return this.renderDeregistration(page, task, extra, status);
    if (isScienceTask(task.kind)) return this.renderScience(page, task, extra, status);
    const [application, caseView, nameCheck] = await Promise.all([
      page.api.call<EstablishmentApplication>('GET', `/api/registrations/${task.caseId}/application`),
      page.api.call<RegistrationView>('GET', `/api/registrations/${task.caseId}`),
      task.status === 'open' && task.kind === REGISTRATION_REVIEW ? this.nameCheckOf(page, taskId) : undefined,
    ]);
    const me = page.session.actor;
    const investmentLink =
      (application.ok ? application.body.investmentLink?.creditCode : undefined) ?? nameCheck?.investmentLinkToConfirm;
    page.render(
      'tasks/task.njk',
      {
        title: `${taskKindZh(task.kind)} - 任务`,
        backLink: '/portal/tasks',
        task,
        kindLabel: taskKindZh(task.kind),
        rule: taskRuleZh(task.kind, task.history[0]?.at),
        application: application.ok ? application.body : undefined,
        entityType: application.ok ? (ENTITY_TYPES[application.body.entityType] ?? '') : '',
        caseStatus: caseView.ok ? caseStatusZh(caseView.body.status) : '',
        clock: caseView.ok ? caseView.body.clock : undefined,
        mine: task.assignee === me.id,
        deadline: { ...deadlineLineOf(task), period: reviewPeriodZh(task.history[0]?.at) },
        overdue: task.status === 'open' && Date.parse(task.dueAt) < Date.now(),
        nameCheck,
        investmentLink,
        confirmation: investmentLink ? `investment-link:${investmentLink}` : '',
        history: task.history.map((line) => ({
          ...line,
          typeLabel: taskEventZh(line.type),
          attemptedLabel: line.attempted ? taskActionZh(line.attempted) : '',
          outcomeLabel: line.outcome ? (OUTCOMES[line.outcome] ?? line.outcome) : '',
          refusal: line.type === 'refused' ? failureZh(line.failure, line.message ?? '') : '',
        })),
        decisionLabel: task.decision ? (OUTCOMES[task.decision.outcome] ?? task.decision.outcome) : '',
        outcomes: Object.entries(OUTCOMES).map(([value, label]) => ({ value, label })),
        done: ACTIONS.find((a) => a === page.request.query.done),
        errors: [],
        form: {},
        ...extra,
      },
      status,
    );
  }

  /** A deregistration review: the case as the API answers it, only 驳回 offered while an objection stands. */
  private async renderDeregistration(page: PageContext, task: TaskDetail, extra: object, status: number) {
    const view = await page.api.read<DeregistrationStatus>(`/api/deregistrations/${task.caseId}`);
    const review = deregistrationReviewContext(view, task.decision?.outcome);
    page.render(
      'tasks/task.njk',
      {
        title: `${taskKindZh(task.kind)} - 任务`,
        backLink: '/portal/tasks',
        task,
        kindLabel: taskKindZh(task.kind),
        rule: taskRuleZh(task.kind, task.history[0]?.at),
        caseStatus: review.caseStatus,
        mine: task.assignee === page.session.actor.id,
        deadline: { ...deadlineLineOf(task), period: review.period },
        overdue: task.status === 'open' && Date.parse(task.dueAt) < Date.now(),
        history: task.history.map((line) => ({
          ...line,
          typeLabel: taskEventZh(line.type),
          attemptedLabel: line.attempted ? taskActionZh(line.attempted) : '',
          outcomeLabel: line.outcome ? review.outcomeZh(line.outcome) : '',
          refusal: line.type === 'refused' ? failureZh(line.failure, line.message ?? '') : '',
        })),
        deregistration: review,
        decisionLabel: task.decision ? review.outcomeZh(task.decision.outcome) : '',
        outcomes: review.outcomes,
        done: ACTIONS.find((a) => a === page.request.query.done),
        errors: [],
        form: {},
        ...extra,
        // With only 驳回 offered there is no 准予注销 radio: a missing outcome links to the one there is.
        ...('errors' in extra && {
          errors: (extra.errors as FieldError[]).map((e) =>
            e.field === 'outcome-approve' ? { ...e, field: `outcome-${review.outcomes[0]!.value}` } : e,
          ),
        }),
      },
      status,
    );
  }

  /** A science commission or finance task (R4): the case it decides on, the kind's outcomes, a score for experts. */
  private async renderScience(page: PageContext, task: TaskDetail, extra: object, status: number) {
    const science = await scienceReviewContext(page.api, task.kind, task.caseId);
    page.render(
      'tasks/task.njk',
      {
        title: `${taskKindZh(task.kind)} - 任务`,
        backLink: '/portal/tasks',
        task,
        kindLabel: taskKindZh(task.kind),
        rule: taskRuleZh(task.kind, task.history[0]?.at),
        caseStatus: science.caseStatus,
        mine: task.assignee === page.session.actor.id,
        deadline: { ...deadlineLineOf(task), period: '按项目规定的期限' },
        overdue: task.status === 'open' && Date.parse(task.dueAt) < Date.now(),
        history: task.history.map((line) => ({
          ...line,
          typeLabel: taskEventZh(line.type),
          attemptedLabel: line.attempted ? taskActionZh(line.attempted) : '',
          outcomeLabel: line.outcome ? science.outcomeZh(line.outcome) : '',
          refusal: line.type === 'refused' ? failureZh(line.failure, line.message ?? '') : '',
        })),
        science,
        decisionLabel: task.decision ? science.outcomeZh(task.decision.outcome) : '',
        outcomes: science.outcomes,
        done: ACTIONS.find((a) => a === page.request.query.done),
        errors: [],
        form: {},
        ...extra,
        ...('errors' in extra && {
          errors: scienceFieldErrors(
            (extra.errors as FieldError[]).map((e) => (e.field === 'reason' ? { ...e, message: '请填写理由' } : e)),
          ),
        }),
      },
      status,
    );
  }

  /** The name as re-examined now (R1.3): open registration reviews carry it in the department's inbox. */
  private async nameCheckOf(page: PageContext, taskId: string) {
    const inbox = await page.api.call<InboxTaskView[]>('GET', '/api/tasks?status=open');
    return inbox.ok ? inbox.body.find((task) => task.taskId === taskId)?.nameCheck : undefined;
  }
}

/** The facts the officer ticked, as the API takes them: only investment-link confirmations are offered. */
function confirmsOf(body: Record<string, unknown>): string[] {
  const ticked = Array.isArray(body.confirms) ? body.confirms : [body.confirms];
  return ticked.filter((value): value is string => typeof value === 'string' && value.startsWith('investment-link:'));
}
