import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@govflow/auth';
import { ApiErrorResponses, ApiQueryFrom, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { checkNameQuery, type CheckNameQuery, checkNameResponse, type CheckNameResponse } from './check-name.request';
import { NameCheck } from './name-check.service';

@ApiTags('names')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/names')
export class CheckNameController {
  constructor(private readonly names: NameCheck) {}

  @Get('check')
  @ApiOperation({
    summary: 'Self-check a declared enterprise name against the published rules (企业名称自主申报, R1.3)',
    description: 'Market regulation answers from its registry; a name that passes is not reserved by checking.',
  })
  @ApiQueryFrom(checkNameQuery)
  @ApiOkResponse({ schema: openApiSchemaOf(checkNameResponse) })
  @ApiErrorResponses(400, 401)
  async check(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(checkNameQuery)) name: CheckNameQuery,
  ): Promise<CheckNameResponse> {
    const { available, problems } = await this.names.check(name, actor.id);
    return { available, problems: problems.map(({ code, message }) => ({ code, message })) };
  }
}
