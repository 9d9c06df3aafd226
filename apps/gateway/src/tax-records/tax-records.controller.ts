import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles, toContractActor } from '@govflow/auth';
import type { TaxRecordView } from '@govflow/contracts';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { EnterpriseDirectory } from '../permits/enterprise-directory.store';
import { creditCodePipe } from '../supervision/credit-code-parameter';
import { TaxRecordReadModel, type TaxRecordReadView } from './read-model/tax-record.store';
import {
  type ClearanceRequest,
  clearanceRequest,
  type PendingMatterRequest,
  pendingMatterRequest,
  taxRecordView,
} from './tax-record.requests';
import { TaxRecords } from './tax-records.service';

/** Besides the enterprise's own registrant: the tax bureau that keeps the record, and administrators. */
const mayReadRecords = (actor: Actor) => actor.role === 'tax-officer' || actor.role === 'administrator';
const REFUSED = 'only the enterprise, tax officers and administrators see its tax record';

@ApiTags('tax')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tax/records')
export class TaxRecordsController {
  constructor(
    private readonly records: TaxRecords,
    private readonly readModel: TaxRecordReadModel,
    private readonly directory: EnterpriseDirectory,
  ) {}

  @Get(':creditCode')
  @ApiOperation({
    summary: 'A taxpayer’s tax record with its maker-space exemptions (R4.1, R4.4)',
    description:
      'From tax.events (a read model, so a fact just recorded may take a moment to show): {creditCode, ' +
      'enterpriseName, status (open, closed), openedAt, closedAt, exemptions [{caseId, kind (maker-space), level, ' +
      'startsOn (first exempt day, ISO date, Beijing), endsOn (first day no longer exempt, null while it runs), ' +
      'endedBecause (recognition-revoked, enterprise-deregistered)}]}. For the registrant the enterprise is licensed ' +
      'to (another registrant is told 404), tax officers and administrators; other roles 403; 404 when tax holds ' +
      'no record of the code.',
  })
  @ApiParam({ name: 'creditCode', schema: creditCodePipe.openApi })
  @ApiOkResponse({ description: 'TaxRecordReadView' })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('creditCode', creditCodePipe) creditCode: string,
  ): Promise<TaxRecordReadView> {
    // Refused before the lookup, so other departments cannot learn which enterprises have a record.
    if (actor.role !== 'registrant' && !mayReadRecords(actor)) throw new ForbiddenException(REFUSED);
    const owner = actor.role === 'registrant' && (await this.directory.find(creditCode))?.registrantId === actor.id;
    const record = owner || mayReadRecords(actor) ? await this.readModel.of(creditCode) : undefined;
    if (!record) throw new NotFoundException(`no tax record of ${creditCode}`);
    return record;
  }

  @Post(':creditCode/pending-matters')
  @Roles('tax-officer')
  @ApiOperation({
    summary: 'Record a pending tax matter on a taxpayer (arrears, unreturned invoices, an open item)',
    description:
      'While a matter is pending, tax objects to the taxpayer’s simplified deregistration the day after its ' +
      'announcement period ends (R3.3), unless clearance is recorded first. 404 when no tax record is open.',
  })
  @ApiParam({ name: 'creditCode', schema: creditCodePipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(pendingMatterRequest) })
  @ApiCreatedResponse({ schema: openApiSchemaOf(taxRecordView) })
  @ApiErrorResponses(400, 401, 403, 404)
  pendingMatter(
    @CurrentActor() actor: Actor,
    @Param('creditCode', creditCodePipe) creditCode: string,
    @Body(new ZodValidationPipe(pendingMatterRequest)) request: PendingMatterRequest,
  ): Promise<TaxRecordView> {
    return this.records.recordPendingMatter(creditCode, request, toContractActor(actor));
  }

  @Post(':creditCode/clearance')
  @Roles('tax-officer')
  @ApiOperation({
    summary: 'Record tax clearance (清税): the pending matters are settled',
    description:
      'Every deregistration of the taxpayer still awaiting tax’s answer, whose period has not ended, gets no ' +
      'objection now (R3.3). 404 when no tax record is open.',
  })
  @ApiParam({ name: 'creditCode', schema: creditCodePipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(clearanceRequest) })
  @ApiCreatedResponse({ schema: openApiSchemaOf(taxRecordView) })
  @ApiErrorResponses(400, 401, 403, 404)
  clearance(
    @CurrentActor() actor: Actor,
    @Param('creditCode', creditCodePipe) creditCode: string,
    @Body(new ZodValidationPipe(clearanceRequest)) request: ClearanceRequest,
  ): Promise<TaxRecordView> {
    return this.records.recordClearance(creditCode, request, toContractActor(actor));
  }
}
