import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles, toContractActor } from '@govflow/auth';
import type { TaxRecordView } from '@govflow/contracts';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { creditCodePipe } from '../supervision/credit-code-parameter';
import {
  type ClearanceRequest,
  clearanceRequest,
  type PendingMatterRequest,
  pendingMatterRequest,
  taxRecordView,
} from './tax-record.requests';
import { TaxRecords } from './tax-records.service';

@ApiTags('tax')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/tax/records')
export class TaxRecordsController {
  constructor(private readonly records: TaxRecords) {}

  @Post(':creditCode/pending-matters')
  @Roles('tax-officer')
  @ApiOperation({
    summary: 'Record a pending tax matter on a taxpayer (arrears, unreturned invoices, an open item)',
    description:
      'While a matter is pending, tax objects to the taxpayer’s simplified deregistration the day after its ' +
      'announcement period ends (R3.3), unless clearance is recorded first. 404 when no tax record is open.',
  })
  @ApiParam({ name: 'creditCode', example: '91110108MA01234567' })
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
  @ApiParam({ name: 'creditCode', example: '91110108MA01234567' })
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
