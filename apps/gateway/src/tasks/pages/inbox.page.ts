import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PageErrorFilter } from '../../portal/page-error.filter';
import { PageRenderer } from '../../portal/page-renderer';
import { pageContext, type PageContext } from '../../portal/portal-page';
import { PortalSessions } from '../../portal/session/portal-session';
import { deadlineLineOf } from '../../portal/deadline-view';
import type { InboxTaskView } from '../task-view';
import { taskKindZh } from './task-labels';

type InboxTask = InboxTaskView;

const VIEWS = [
  { id: 'open', label: '全部待办' },
  { id: 'mine', label: '我的' },
  { id: 'unclaimed', label: '待认领' },
  { id: 'overdue', label: '已超期' },
] as const;
type View = (typeof VIEWS)[number]['id'];

const isOverdue = (task: InboxTask, now: number) => Date.parse(task.dueAt) < now;

/** The officer's inbox: the department's open tasks by due time, in four views with counts; refreshed live. */
@ApiExcludeController()
@UseFilters(PageErrorFilter)
@Controller('portal/tasks')
export class InboxPage {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: PortalSessions,
  ) {}

  @Get()
  async inbox(@Req() request: Request, @Res() response: Response, @Query('view') view?: string): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    page.render('tasks/inbox.njk', { title: '待办任务', ...(await this.table(page, view)) });
  }

  /** The table alone, which the page polls for (htmx), so a new task appears without a reload. */
  @Get('table')
  async tablePart(@Req() request: Request, @Res() response: Response, @Query('view') view?: string): Promise<void> {
    const page = pageContext(this.pages, this.sessions, request, response);
    page.render('tasks/inbox-table.njk', await this.table(page, view));
  }

  private async table(page: PageContext, requested: string | undefined) {
    const view: View = VIEWS.find((v) => v.id === requested)?.id ?? 'open';
    const tasks = await page.api.read<InboxTask[]>('/api/tasks?status=open');
    const now = Date.now();
    const me = page.session.actor.id;
    const inView: Record<View, (task: InboxTask) => boolean> = {
      open: () => true,
      mine: (task) => task.assignee === me,
      unclaimed: (task) => task.assignee === null,
      overdue: (task) => isOverdue(task, now),
    };
    return {
      view,
      views: VIEWS.map((v) => ({ ...v, count: tasks.filter(inView[v.id]).length })),
      accelerated: tasks.some((task) => task.clockAccelerated),
      tasks: tasks.filter(inView[view]).map((task) => ({
        ...task,
        kindLabel: taskKindZh(task.kind),
        deadline: deadlineLineOf(task, now),
        overdue: isOverdue(task, now),
        mine: task.assignee === me,
        link: `/portal/tasks/${encodeURIComponent(task.taskId)}`,
      })),
    };
  }
}
