import { Controller, ForbiddenException, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor } from '@govflow/auth';
import type { TaskEvent } from '@govflow/contracts';
import { UserStore } from '../../auth/users/user-store';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { CaseWorkflows } from '../../temporal/case-workflows';
import { taskIdPipe } from '../task-id';
import { isInGroupOf } from '../task-department';
import { TaskInboxStore } from '../task-inbox/task-inbox.store';
import { taskStateView } from '../task-view';
import { toTaskDueView } from '../task-due';

const namedActor = z.object({
  id: z.string(),
  username: z.string().nullable().describe('null for a user the gateway does not know'),
  role: z.string(),
  department: z.string().nullable(),
});
type NamedActor = z.infer<typeof namedActor>;

const taskDetailView = taskStateView.extend({
  candidateGroup: z.object({ role: z.string(), department: z.string() }).describe('who may claim and decide it'),
  escalateTo: z.object({ role: z.string(), department: z.string() }).optional(),
  assigneeUsername: z.string().nullable(),
  history: z
    .array(
      z.object({
        sequence: z.number().int(),
        at: z.iso.datetime(),
        type: z.enum(['opened', 'escalated', 'lapsed', 'claimed', 'unclaimed', 'reassigned', 'decided', 'refused']),
        actor: namedActor.optional(),
        to: namedActor.optional(),
        outcome: z.string().optional(),
        reason: z.string().optional(),
        attempted: z.string().optional(),
        message: z.string().optional().describe('why a refused attempt was refused'),
        failure: z.string().optional().describe('the refusal as a WorkflowFailureType, e.g. FourEyesViolation'),
      }),
    )
    .describe('every change and every refused attempt, in order'),
});
type TaskDetailView = z.infer<typeof taskDetailView>;

@ApiTags('tasks')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tasks')
export class GetTaskController {
  constructor(
    private readonly inbox: TaskInboxStore,
    private readonly workflows: CaseWorkflows,
    private readonly users: UserStore,
  ) {}

  @Get(':taskId')
  @ApiOperation({
    summary: 'One task with its candidate group and its whole history, refused attempts included',
    description:
      "For officers of the task's candidate group (or the group it was escalated to: role and department) and " +
      'administrators; others get 403. Actors carry their username.',
  })
  @ApiParam({ name: 'taskId', schema: taskIdPipe.openApi })
  @ApiOkResponse({ schema: openApiSchemaOf(taskDetailView) })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('taskId', taskIdPipe) taskId: string): Promise<TaskDetailView> {
    const found = await this.inbox.find(taskId);
    if (!found) throw new NotFoundException(`no task ${taskId}`);
    const task = await this.workflows.taskState(found.workflowId, taskId);
    if (!task) throw new NotFoundException(`no task ${taskId}`);
    // A registrant has no department: it must not match the `undefined` of a task that was never escalated.
    if (actor.role !== 'administrator' && !isInGroupOf(actor, task)) {
      throw new ForbiddenException('only officers of the task’s department and administrators see a task');
    }
    const usernames = new Map((await this.users.list()).map((user) => [user.id, user.username]));
    const named = (who: { id: string; role: string; department?: string }): NamedActor => ({
      id: who.id,
      username: usernames.get(who.id) ?? null,
      role: who.role,
      department: who.department ?? null,
    });
    return {
      taskId: task.taskId,
      caseId: task.caseId,
      kind: task.kind,
      assignee: task.assignee?.id ?? null,
      assigneeUsername: task.assignee ? (usernames.get(task.assignee.id) ?? null) : null,
      ...toTaskDueView(task),
      escalated: task.escalated,
      status: task.status,
      candidateGroup: task.candidateGroup,
      ...(task.escalateTo && { escalateTo: task.escalateTo }),
      ...(task.decision && {
        decision: {
          outcome: task.decision.outcome,
          ...(task.decision.reason === undefined ? {} : { reason: task.decision.reason }),
          decidedBy: task.decision.decidedBy.id,
          decidedAt: task.decision.decidedAt,
          ...(task.decision.confirms && { confirms: task.decision.confirms }),
        },
      }),
      history: task.history.map((event) => historyLine(event, named)),
    };
  }
}

function historyLine(event: TaskEvent, named: (who: { id: string; role: string }) => NamedActor) {
  const base = { sequence: event.sequence, at: event.at, type: event.type };
  switch (event.type) {
    case 'opened':
    case 'escalated':
      return base;
    case 'lapsed':
      return { ...base, reason: event.reason };
    case 'claimed':
      return { ...base, actor: named(event.actor) };
    case 'unclaimed':
      return { ...base, actor: named(event.actor), ...(event.reason ? { reason: event.reason } : {}) };
    case 'reassigned':
      return { ...base, actor: named(event.actor), to: named(event.to), reason: event.reason };
    case 'decided':
      return {
        ...base,
        actor: named(event.actor),
        outcome: event.outcome,
        ...(event.reason ? { reason: event.reason } : {}),
      };
    case 'refused':
      return {
        ...base,
        actor: named(event.actor),
        attempted: event.attempted,
        message: event.message,
        failure: event.failure,
        ...(event.outcome ? { outcome: event.outcome } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
      };
  }
}
