import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@govflow/auth';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ReadModelConsumers } from '../read-model-consumers';
import { type ReadModelName, readModelNames } from '../read-model-feeds';

const rebuildResponse = z.object({ readModel: z.enum(readModelNames), status: z.literal('replaying') });

@ApiTags('admin')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/admin/read-models')
export class RebuildReadModelController {
  constructor(private readonly consumers: ReadModelConsumers) {}

  @Post(':readModel/rebuild')
  @Roles('administrator')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Empty a read model and replay its Kafka topics from the earliest retained event (administrators only)',
    description:
      'Answers once the replay has started; the model fills again within moments. Its consumer groups must have ' +
      'no other members: run it with a single gateway replica. 409 while the same model is being rebuilt.',
  })
  @ApiParam({ name: 'readModel', enum: readModelNames })
  @ApiAcceptedResponse({ schema: openApiSchemaOf(rebuildResponse) })
  @ApiErrorResponses(400, 401, 403, 409)
  async rebuild(
    @Param('readModel', new FieldValidationPipe('readModel', z.enum(readModelNames))) readModel: ReadModelName,
  ): Promise<z.infer<typeof rebuildResponse>> {
    await this.consumers.rebuild(readModel);
    return { readModel, status: 'replaying' };
  }
}
