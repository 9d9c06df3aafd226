import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles, toContractActor } from '@govflow/auth';
import type { MakerSpaceStatus } from '../../../../workflows/maker-space/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { caseIdPipe } from '../registrations/case-id';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyPipe } from '../registrations/submit-registration/idempotency-key';
import { makerSpaceRequest, type MakerSpaceRequest } from './science.request';
import { ScienceWorkflows } from './science-workflows.service';

/** Who besides the applicant reads science-commission cases. */
export const mayReadScienceCases = (actor: Pick<Actor, 'role'>) =>
  ['science-officer', 'finance-officer', 'expert-reviewer', 'administrator'].includes(actor.role);

@ApiTags('maker-spaces')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/maker-spaces')
export class MakerSpacesController {
  constructor(private readonly workflows: ScienceWorkflows) {}

  @Post()
  @Roles('registrant')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Apply for recognition as a maker space (众创空间认定, R4.1) at a level, with the figures',
    description:
      'The criteria of the level in force today are checked and each failing one listed on the case; a ' +
      'science-commission officer reviews (task maker-space-review). Recognised: MakerSpaceRecognized, the tax ' +
      'exemption from the first day of the next month, and the one-off grant as a grant case (recognition.grantCaseId).',
  })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, schema: idempotencyKeyPipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(makerSpaceRequest) })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' } } } })
  @ApiErrorResponses(400, 401, 403, 409)
  apply(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(makerSpaceRequest)) request: MakerSpaceRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
  ): Promise<{ caseId: string }> {
    return this.workflows.applyForRecognition(
      toContractActor(actor),
      request,
      idempotencyKeyPipe.transform(idempotencyKey),
    );
  }

  @Get()
  @Roles('registrant')
  @ApiOperation({ summary: 'The signed-in registrant’s recognition cases (我的办件)' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiErrorResponses(401, 403)
  async mine(@CurrentActor() actor: Actor) {
    const cases = await this.workflows.recognitionsOf(actor.id);
    return cases.map(({ caseId, status, creditCode, enterpriseName, level }) => ({
      caseId,
      status,
      creditCode,
      enterpriseName,
      level,
    }));
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'A recognition case: status, failing criteria, review, recognition and its grant case' })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('caseId', caseIdPipe) caseId: string): Promise<MakerSpaceStatus> {
    // Refused before the lookup, so other departments cannot learn which cases exist.
    if (actor.role !== 'registrant' && !mayReadScienceCases(actor))
      throw new ForbiddenException('only the applicant and the science commission see a recognition case');
    const status = await this.workflows.recognition(caseId);
    if (status.applicantId === actor.id || mayReadScienceCases(actor)) return status;
    if (actor.role === 'registrant') throw new NotFoundException(`no maker-space case ${caseId}`);
    throw new ForbiddenException('only the applicant and the science commission see a recognition case');
  }
}
