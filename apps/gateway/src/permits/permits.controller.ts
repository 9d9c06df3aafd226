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
import type { PermitStatus } from '../../../../workflows/permit/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { caseIdPipe } from '../registrations/case-id';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyPipe } from '../registrations/submit-registration/idempotency-key';
import { EnterpriseDirectory } from './enterprise-directory.store';
import { permitRequest, type PermitRequest, supplyMaterialsRequest } from './permit.request';
import { PermitWorkflows } from './permit-workflows.service';

/** Who may read a permit case besides its applicant: the authority's officers and inspectors, administrators. */
const mayRead = (actor: Actor, status: PermitStatus) =>
  actor.role === 'administrator' ||
  ((actor.role === 'permit-officer' || actor.role === 'inspector') && actor.department === status.authority);

@ApiTags('permits')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/permits')
export class PermitsController {
  constructor(
    private readonly workflows: PermitWorkflows,
    private readonly enterprises: EnterpriseDirectory,
  ) {}

  @Post()
  @Roles('registrant')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Open a permit case at its authority (先照后证, R2.2–R2.4): answers once the authority recorded it',
    description:
      'Only the registrant who holds the license applies (403; 404 for an unknown credit code). The route must be ' +
      'one the catalogue item offers (409 RouteNotOffered); 告知承诺 needs {commitment: {conditionsVersion, accepted: ' +
      'true}} for the conditions in force (400 naming commitment.conditionsVersion). 409 PermitCaseOpen while a case ' +
      'for the same item is open, CoveredByOtherPermit when a held permit covers it, CommitmentRouteClosed (with the ' +
      'credit reason) for an applicant with a credit mark. With an Idempotency-Key a repeat answers the same case.',
  })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, schema: idempotencyKeyPipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(permitRequest) })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { permitCaseId: { type: 'string', format: 'uuid' } } } })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async apply(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(permitRequest)) request: PermitRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
  ): Promise<{ permitCaseId: string }> {
    const enterprise = await this.enterprises.find(request.creditCode);
    if (!enterprise) throw new NotFoundException(`no licensed enterprise ${request.creditCode}`);
    if (enterprise.registrantId !== actor.id) throw new ForbiddenException('only the enterprise’s registrant applies');
    const key = idempotencyKeyPipe.transform(idempotencyKey);
    return this.workflows.apply(toContractActor(actor), enterprise, request, key);
  }

  @Get(':permitCaseId')
  @ApiOperation({ summary: 'A permit case: status, steps with deadlines, decision, validity, the open task' })
  @ApiParam({ name: 'permitCaseId', format: 'uuid' })
  @ApiOkResponse({
    description:
      'the PermitStatus of workflows/permit/definitions.ts; status is one of applied, awaiting-materials, ' +
      'under-review, granted, refused, filed, revoked, expired, ended (the enterprise was deregistered: see ending)',
  })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('permitCaseId', caseIdPipe) permitCaseId: string,
  ): Promise<PermitStatus> {
    // Refused before the lookup, so roles that never read a permit case cannot learn which exist.
    if (!['registrant', 'permit-officer', 'inspector', 'administrator'].includes(actor.role))
      throw new ForbiddenException('only the applicant and the authority’s officers see a permit case');
    const status = await this.workflows.status(permitCaseId);
    if (status.applicantId === actor.id || mayRead(actor, status)) return status;
    if (actor.role === 'registrant') throw new NotFoundException(`no permit case ${permitCaseId}`);
    throw new ForbiddenException('only the applicant and the authority’s officers see a permit case');
  }

  @Post(':permitCaseId/materials')
  @Roles('registrant')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Supply the materials the one notice listed (补正); 409 when none were requested' })
  @ApiParam({ name: 'permitCaseId', format: 'uuid' })
  @ApiBody({ schema: openApiSchemaOf(supplyMaterialsRequest) })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  supply(
    @CurrentActor() actor: Actor,
    @Param('permitCaseId', caseIdPipe) permitCaseId: string,
    @Body(new ZodValidationPipe(supplyMaterialsRequest)) body: { materials: Record<string, string> },
  ): Promise<PermitStatus> {
    return this.workflows.supplyMaterials(permitCaseId, toContractActor(actor), body.materials);
  }

  @Post(':permitCaseId/renewal')
  @Roles('registrant')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Apply to renew a granted permit (延续): answers once the authority’s review task is open',
    description:
      'An officer of the permit’s authority decides the task (kind permit-renewal-review) through the task endpoints: ' +
      'approval restarts the validity (PermitRenewed), refusal leaves the permit to expire at the end of its last day. ' +
      '409 NotRenewable unless granted and valid, while a renewal is under review, or after a refused renewal.',
  })
  @ApiParam({ name: 'permitCaseId', format: 'uuid' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  renew(@CurrentActor() actor: Actor, @Param('permitCaseId', caseIdPipe) permitCaseId: string): Promise<PermitStatus> {
    return this.workflows.renew(permitCaseId, toContractActor(actor));
  }
}
