import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor } from '@govflow/auth';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { UserStore } from '../../auth/users/user-store';
import { REGISTRATION_REVIEW, ReviewNameChecks } from '../review-name-checks';
import { TaskInboxStore } from '../task-inbox/task-inbox.store';
import { toTaskDueView } from '../task-due';
import { inboxTaskView, type InboxTaskView } from '../task-view';

const taskStatusFilter = z.enum(['open', 'decided', 'all']).default('open');

@ApiTags('tasks')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tasks')
export class ListTasksController {
  constructor(
    private readonly inbox: TaskInboxStore,
    private readonly users: UserStore,
    private readonly nameChecks: ReviewNameChecks,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The officer's inbox: tasks of the caller's department, and those escalated to it",
    description:
      'From a read model of the task events on Kafka, so a change shows after a moment. Callers without a ' +
      'department (registrants, administrators) have an empty inbox. dueAt is when the task escalates; legalDueAt ' +
      'and dueAtCalendar state the real deadline, which differs only when clockAccelerated (GOVFLOW_TIME_SCALE > 1). ' +
      'provisional is true when the deadline was counted on a year whose holiday notice is not yet published ' +
      '(2027 for now), and calendarBasis then says so in Chinese. ' +
      "Open registration reviews carry nameCheck: the case's name re-examined against the register as the list is read (R1.3).",
  })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'decided', 'all'], description: 'default open' })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(inboxTaskView)) })
  @ApiErrorResponses(400, 401)
  async list(
    @CurrentActor() actor: Actor,
    @Query('status', new FieldValidationPipe('status', taskStatusFilter)) status: z.output<typeof taskStatusFilter>,
  ): Promise<InboxTaskView[]> {
    if (!actor.department) return [];
    const tasks = await this.inbox.forDepartment(actor.department, status, actor.role);
    const reviews = tasks.filter((task) => task.kind === REGISTRATION_REVIEW && task.status === 'open');
    const checks = await this.nameChecks.forCases(reviews.map((task) => task.caseId));
    const usernames = new Map((await this.users.list()).map((user) => [user.id, user.username]));
    return tasks.map(({ taskId, caseId, kind, assignee, escalated, status: taskStatus, ...due }) => {
      const nameCheck = taskStatus === 'open' ? checks.get(caseId) : undefined;
      return {
        taskId,
        caseId,
        kind,
        assignee,
        assigneeUsername: assignee ? (usernames.get(assignee) ?? null) : null,
        ...toTaskDueView(due),
        escalated,
        status: taskStatus,
        ...(nameCheck && { nameCheck }),
      };
    });
  }
}
