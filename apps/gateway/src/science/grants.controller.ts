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
import { type Actor, CurrentActor, Public, Roles, toContractActor } from '@govflow/auth';
import { grantProgrammes, makerSpaceGrantPolicies, recognitionGrantYuan } from '@govflow/policy';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { caseIdPipe } from '../registrations/case-id';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyPipe } from '../registrations/submit-registration/idempotency-key';
import { mayReadScienceCases } from './maker-spaces.controller';
import { ScienceRecords } from './record/science-record.store';
import { type ClawbackBody, clawbackRequest, grantRequest, type GrantRequest } from './science.request';
import { clawbackView, grantView, programmeView, publishedGrantView } from './science.view';
import { ScienceWorkflows } from './science-workflows.service';

@ApiTags('grants')
@Controller('api')
export class GrantsController {
  constructor(
    private readonly workflows: ScienceWorkflows,
    private readonly records: ScienceRecords,
  ) {}

  @Get('grant-programmes')
  @Public()
  @ApiOperation({ summary: 'Grant programmes in force today: amount rule, budget, expert review, notice period' })
  listProgrammes() {
    const now = new Date();
    const amounts = makerSpaceGrantPolicies.at(now).value;
    const { version, value } = grantProgrammes.at(now);
    return {
      version,
      programmes: value.map((p) => programmeView(p, (level) => recognitionGrantYuan(amounts, level))),
    };
  }

  @Post('grants')
  @Roles('registrant')
  @ApiBearerAuth(BEARER_SCHEME)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Apply for a grant (R4.3): answers once eligibility is decided',
    description:
      'One legal entity is funded once per programme: 409 when already applied or funded under it, or when the ' +
      'budget cannot cover the amount; 409 naming creditCode for an enterprise that is not registered and live; 403 ' +
      'for a registrant it is not licensed to. requestedAmount is yuan as a decimal string. With an Idempotency-Key a ' +
      'repeat answers the same caseId; the same key with another body is a 409.',
  })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, schema: idempotencyKeyPipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(grantRequest) })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' } } } })
  @ApiErrorResponses(400, 401, 403, 409)
  apply(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(grantRequest)) request: GrantRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
  ): Promise<{ caseId: string }> {
    return this.workflows.applyForGrant(toContractActor(actor), request, idempotencyKeyPipe.transform(idempotencyKey));
  }

  @Get('grants')
  @Roles('registrant')
  @ApiBearerAuth(BEARER_SCHEME)
  @ApiOperation({ summary: 'The signed-in registrant’s grants (我的办件), the recognition’s one-off grant included' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiErrorResponses(401, 403)
  async mine(@CurrentActor() actor: Actor) {
    const grants = await this.workflows.grantsOf(actor.id);
    return grants.map((g) => {
      const { caseId, status, creditCode, enterpriseName, programmeCode, amount } = grantView(g);
      return { caseId, status, creditCode, enterpriseName, programmeCode, amount };
    });
  }

  // Before grants/:caseId, so "published" is never read as a case id.
  @Get('grants/published')
  @Public()
  @ApiOperation({
    summary: 'Paid grants, published (上网公示); no sign-in needed',
    description:
      'Newest payment first: [{caseId, enterpriseName, creditCode, programmeCode, amount, paidAt, publishedAt, ' +
      'publication}]. A grant clawed back is not removed: once finance confirms the recovery its entry reads ' +
      "publication 'withdrawn' (撤销公示, 已追回) with withdrawnAt, the day of the confirmation, and " +
      "withdrawalReason; every other entry reads publication 'published'.",
  })
  async published() {
    const grants = await this.workflows.published();
    const recovered = await this.records.recoveredAt(grants.map((g) => g.caseId));
    return grants.map((grant) => publishedGrantView(grant, recovered.get(grant.caseId)));
  }

  @Get('grants/:caseId')
  @ApiBearerAuth(BEARER_SCHEME)
  @ApiOperation({ summary: 'A grant: status, steps with deadlines, scores, objections, payment, clawbacks' })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('caseId', caseIdPipe) caseId: string) {
    // Refused before the lookup, so other departments cannot learn which grants exist.
    if (actor.role !== 'registrant' && !mayReadScienceCases(actor))
      throw new ForbiddenException('only the applicant, the science commission and finance see a grant');
    const status = await this.workflows.grant(caseId);
    if (status.applicantId !== actor.id && !mayReadScienceCases(actor)) {
      if (actor.role === 'registrant') throw new NotFoundException(`no grant ${caseId}`);
      throw new ForbiddenException('only the applicant, the science commission and finance see a grant');
    }
    const clawbacks = status.status === 'paid' ? await this.workflows.clawbacks(caseId) : [];
    return { ...grantView(status), clawbacks: clawbacks.map(clawbackView) };
  }

  @Post('grants/:caseId/clawbacks')
  @Roles('science-officer')
  @ApiBearerAuth(BEARER_SCHEME)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Claw back a paid grant (收回财政资金, R4.4): grant + fine computed; finance confirms',
    description:
      'ground false-material-or-fraud (fine 10–50 %) or misuse-of-funds (10–30 %), ranges from libs/policy: a rate ' +
      'outside is a 400 naming rate. 409 unless the grant is paid. A finance officer confirms the recovery (task ' +
      'clawback-confirmation); the case is then referred (CaseReferred).',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiBody({ schema: openApiSchemaOf(clawbackRequest) })
  @ApiAcceptedResponse({ schema: { type: 'object' } })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async clawBack(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
    @Body(new ZodValidationPipe(clawbackRequest)) body: ClawbackBody,
  ) {
    return clawbackView(await this.workflows.clawBack(caseId, toContractActor(actor), body));
  }
}
