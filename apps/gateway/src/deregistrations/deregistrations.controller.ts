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
import type { DeregistrationStatus } from '../../../../workflows/deregistration/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { caseIdPipe } from '../registrations/case-id';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyPipe } from '../registrations/submit-registration/idempotency-key';
import { confirmationRequest, deregistrationRequest, type DeregistrationRequest } from './deregistration.request';
import { deregistrationSummary, type DeregistrationSummary, deregistrationView } from './deregistration.view';
import { DeregistrationWorkflows } from './deregistration-workflows.service';

const mayRead = (actor: Actor) => actor.role === 'registration-officer' || actor.role === 'administrator';

@ApiTags('deregistrations')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/deregistrations')
export class DeregistrationsController {
  constructor(private readonly workflows: DeregistrationWorkflows) {}

  @Post()
  @Roles('registrant')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Apply for simplified deregistration (简易注销, R3): answers once market regulation accepted it',
    description:
      'Only the registrant who holds the license applies (403). Every investor on the register signs a commitment, ' +
      'matched by name and ID number (400 naming which). Not eligible (abnormal-operations list, investigation, ' +
      'frozen assets, pledged equity, a deregistration in progress, already deregistered): 409 with every reason. ' +
      'With an Idempotency-Key a repeat answers the same caseId; the same key with another body is a 409.',
  })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, schema: idempotencyKeyPipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(deregistrationRequest) })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' } } } })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  apply(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(deregistrationRequest)) application: DeregistrationRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
  ): Promise<{ caseId: string }> {
    return this.workflows.apply(toContractActor(actor), application, idempotencyKeyPipe.transform(idempotencyKey));
  }

  @Get()
  @ApiOperation({
    summary: "The caller's own deregistrations, newest first",
    description: 'Listed from Temporal visibility, so a case applied for a moment ago may take a second to appear.',
  })
  @ApiOkResponse({ schema: { type: 'array', items: openApiSchemaOf(deregistrationSummary) } })
  @ApiErrorResponses(401)
  async list(@CurrentActor() actor: Actor): Promise<DeregistrationSummary[]> {
    const cases = await this.workflows.ofApplicant(actor.id);
    return cases.map(({ caseId, status, steps, enterprise }) => ({
      caseId,
      status,
      appliedAt: steps[0]?.at ?? '',
      ...(enterprise && { creditCode: enterprise.creditCode, enterpriseName: enterprise.enterpriseName }),
    }));
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'A deregistration: status, steps with deadlines, objections, the announcement window' })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ schema: openApiSchemaOf(deregistrationView) })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('caseId', caseIdPipe) caseId: string): Promise<DeregistrationStatus> {
    // Refused before the lookup, so other departments cannot learn which deregistrations exist.
    if (actor.role !== 'registrant' && !mayRead(actor)) {
      throw new ForbiddenException('only the applicant and market-regulation officers see a deregistration');
    }
    const status = await this.workflows.status(caseId);
    if (status.applicantId === actor.id || mayRead(actor)) return status;
    if (actor.role === 'registrant') throw new NotFoundException(`no deregistration ${caseId}`);
    throw new ForbiddenException('only the applicant and market-regulation officers see a deregistration');
  }

  @Post(':caseId/confirm')
  @Roles('registrant')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Confirm the application after the announcement, or ask once for the longer window ({extend: true})',
    description:
      '409 before the period ends, after the window, or for a second extension; 403 for anyone but the applicant.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiBody({ schema: openApiSchemaOf(confirmationRequest) })
  @ApiOkResponse({ schema: openApiSchemaOf(deregistrationView) })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  confirm(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
    @Body(new ZodValidationPipe(confirmationRequest)) { extend }: { extend?: boolean },
  ): Promise<DeregistrationStatus> {
    return this.workflows.confirm(caseId, toContractActor(actor), extend === true);
  }
}
