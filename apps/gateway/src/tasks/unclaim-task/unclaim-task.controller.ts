import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor, toContractActor } from '@govflow/auth';
import { unclaimUpdate } from '../../../../../workflows/shared/human-task/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { taskIdPipe } from '../task-id';
import { TaskUpdates } from '../task-updates';
import { taskStateView, type TaskStateView } from '../task-view';

const unclaimTaskRequest = z.object({ reason: z.string().trim().max(2000).optional() }).default({});

@ApiTags('tasks')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tasks')
export class UnclaimTaskController {
  constructor(private readonly tasks: TaskUpdates) {}

  @Post(':taskId/unclaim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Give a claimed task back to the group', description: '409 unless you hold the claim.' })
  @ApiParam({ name: 'taskId', schema: taskIdPipe.openApi })
  @ApiBody({ required: false, schema: openApiSchemaOf(unclaimTaskRequest) })
  @ApiOkResponse({ schema: openApiSchemaOf(taskStateView) })
  @ApiErrorResponses(400, 401, 404, 409)
  unclaim(
    @CurrentActor() actor: Actor,
    @Param('taskId', taskIdPipe) taskId: string,
    @Body(new ZodValidationPipe(unclaimTaskRequest)) { reason }: z.output<typeof unclaimTaskRequest>,
  ): Promise<TaskStateView> {
    return this.tasks.send(unclaimUpdate, { taskId, actor: toContractActor(actor), reason }, actor);
  }
}
