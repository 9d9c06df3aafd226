import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, toContractActor } from '@govflow/auth';
import { claimUpdate } from '../../../../../workflows/shared/human-task/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { taskIdPipe } from '../task-id';
import { REGISTRATION_REVIEW, ReviewNameChecks } from '../review-name-checks';
import { TaskUpdates } from '../task-updates';
import { taskStateView, type TaskStateView } from '../task-view';

@ApiTags('tasks')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tasks')
export class ClaimTaskController {
  constructor(
    private readonly tasks: TaskUpdates,
    private readonly nameChecks: ReviewNameChecks,
  ) {}

  @Post(':taskId/claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Claim a task for yourself',
    description:
      "403 outside the task's candidate group or department, or for the case's applicant (four-eyes); 409 when " +
      'another officer holds it, it is decided, or the case is closed. A registration review answers with nameCheck: ' +
      "the case's name re-examined against the register now (R1.3).",
  })
  @ApiParam({ name: 'taskId', schema: taskIdPipe.openApi })
  @ApiOkResponse({ schema: openApiSchemaOf(taskStateView) })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async claim(@CurrentActor() actor: Actor, @Param('taskId', taskIdPipe) taskId: string): Promise<TaskStateView> {
    const task = await this.tasks.send(claimUpdate, { taskId, actor: toContractActor(actor) }, actor);
    if (task.kind !== REGISTRATION_REVIEW) return task;
    const nameCheck = (await this.nameChecks.forCases([task.caseId])).get(task.caseId);
    return { ...task, ...(nameCheck && { nameCheck }) };
  }
}
