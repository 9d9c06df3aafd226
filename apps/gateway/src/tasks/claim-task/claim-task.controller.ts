import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, toContractActor } from '@govflow/auth';
import { claimUpdate } from '../../../../../workflows/shared/human-task/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { taskIdPipe } from '../task-id';
import { TaskUpdates } from '../task-updates';
import { taskStateView, type TaskStateView } from '../task-view';

@ApiTags('tasks')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tasks')
export class ClaimTaskController {
  constructor(private readonly tasks: TaskUpdates) {}

  @Post(':taskId/claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Claim a task for yourself',
    description:
      "403 outside the task's candidate group or department, or for the case's applicant (four-eyes); 409 when " +
      'another officer holds it, it is decided, or the case is closed.',
  })
  @ApiParam({ name: 'taskId' })
  @ApiOkResponse({ schema: openApiSchemaOf(taskStateView) })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  claim(@CurrentActor() actor: Actor, @Param('taskId', taskIdPipe) taskId: string): Promise<TaskStateView> {
    return this.tasks.send(claimUpdate, { taskId, actor: toContractActor(actor) });
  }
}
