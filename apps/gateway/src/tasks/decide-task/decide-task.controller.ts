import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor, toContractActor } from '@govflow/auth';
import { taskOutcomes } from '@govflow/contracts';
import { decideUpdate } from '../../../../../workflows/shared/human-task/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { taskIdPipe } from '../task-id';
import { TaskUpdates } from '../task-updates';
import { taskStateView, type TaskStateView } from '../task-view';

const decideTaskRequest = z.object({
  outcome: z.enum(taskOutcomes),
  reason: z.string().trim().max(2000).optional().describe('required to reject or request information'),
  confirms: z
    .array(z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'))
    .max(10, 'must list at most 10 facts')
    .optional()
    .describe('facts you confirm where the case asks, e.g. investment-link:<credit code> (R1.3)'),
});

@ApiTags('tasks')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tasks')
export class DecideTaskController {
  constructor(private readonly tasks: TaskUpdates) {}

  @Post(':taskId/decision')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Decide a task you hold: approve, reject or request information',
    description:
      '403 for the applicant or an earlier approver of the case (four-eyes) and outside the candidate group; 409 ' +
      'unless you hold the claim, or when it is decided or the case closed; 400 when a reason is needed and missing. ' +
      'Approving a registration re-examines its name: 409 when it is no longer available, 400 when it rests on an ' +
      'investment link not confirmed in confirms.',
  })
  @ApiParam({ name: 'taskId', schema: taskIdPipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(decideTaskRequest) })
  @ApiOkResponse({ schema: openApiSchemaOf(taskStateView) })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  decide(
    @CurrentActor() actor: Actor,
    @Param('taskId', taskIdPipe) taskId: string,
    @Body(new ZodValidationPipe(decideTaskRequest)) { outcome, reason, confirms }: z.output<typeof decideTaskRequest>,
  ): Promise<TaskStateView> {
    return this.tasks.send(decideUpdate, { taskId, actor: toContractActor(actor), outcome, reason, confirms }, actor);
  }
}
