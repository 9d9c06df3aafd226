import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor, toContractActor } from '@govflow/auth';
import { reassignUpdate } from '../../../../../workflows/shared/human-task/definitions';
import { UserStore } from '../../auth/users/user-store';
import { FieldsRefused } from '../../http/api-error';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { taskIdPipe } from '../task-id';
import { TaskUpdates } from '../task-updates';
import { taskStateView, type TaskStateView } from '../task-view';

const reassignTaskRequest = z.object({
  to: z.string().trim().min(1, 'must not be empty').max(200).describe('username or user id of the colleague'),
  reason: z.string().trim().max(2000).optional().describe('required by the workflow: 400 without one'),
});

@ApiTags('tasks')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tasks')
export class ReassignTaskController {
  constructor(
    private readonly tasks: TaskUpdates,
    private readonly users: UserStore,
  ) {}

  @Post(':taskId/reassign')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Hand a task to a colleague in its candidate group, saying why',
    description: 'An unknown colleague, or no reason, is a 400; a colleague outside the group is a 403.',
  })
  @ApiParam({ name: 'taskId', schema: taskIdPipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(reassignTaskRequest) })
  @ApiOkResponse({ schema: openApiSchemaOf(taskStateView) })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  async reassign(
    @CurrentActor() actor: Actor,
    @Param('taskId', taskIdPipe) taskId: string,
    @Body(new ZodValidationPipe(reassignTaskRequest)) { to, reason }: z.output<typeof reassignTaskRequest>,
  ): Promise<TaskStateView> {
    const colleague = await this.users.findByUsernameOrId(to);
    // Well formed but naming nobody: no schema can say which users exist, so not a 400 (which the document rules out).
    if (!colleague) throw new FieldsRefused(422, [{ field: 'to', message: `no user ${to}` }]);
    const request = { taskId, actor: toContractActor(actor), to: toContractActor(colleague), reason: reason ?? '' };
    return this.tasks.send(reassignUpdate, request, actor);
  }
}
