import { Body, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Public, toContractActor } from '@govflow/auth';
import type { GrantObjection } from '@govflow/contracts';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { type GrantObjectionBody, grantObjectionRequest } from './science.request';
import { publicNoticeView } from './science.view';
import { ScienceWorkflows } from './science-workflows.service';

@ApiTags('public-notices')
@Controller('api/public-notices')
export class PublicNoticesController {
  constructor(private readonly workflows: ScienceWorkflows) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Proposed grants on public notice now (公示); no sign-in needed' })
  async list() {
    return (await this.workflows.onNotice()).map(publicNoticeView);
  }

  @Post(':noticeId/objections')
  @ApiBearerAuth(BEARER_SCHEME)
  @ApiOperation({
    summary: 'Object to a proposed grant while its notice runs (signed in: the real name is the account’s)',
    description:
      'An anonymous objection without evidence is recorded as rejected with its reason. 409 once the notice has ' +
      'closed. Payment waits until an officer resolves every open objection (task objection-review: approve upholds ' +
      'it and the grant is withdrawn, reject dismisses it; both with a reason).',
  })
  @ApiParam({ name: 'noticeId', description: '<caseId>:notice, as listed' })
  @ApiBody({ schema: openApiSchemaOf(grantObjectionRequest) })
  @ApiCreatedResponse({ description: 'the objection as recorded (status open, or rejected with its reason)' })
  @ApiErrorResponses(400, 401, 404, 409)
  async object(
    @CurrentActor() actor: Actor,
    @Param('noticeId') noticeId: string,
    @Body(new ZodValidationPipe(grantObjectionRequest)) body: GrantObjectionBody,
  ): Promise<GrantObjection> {
    if (noticeId !== `${body.caseId}:notice`)
      throw new NotFoundException(`no notice ${noticeId} for case ${body.caseId}`);
    return this.workflows.object(body.caseId, toContractActor(actor), actor.username, body);
  }
}
