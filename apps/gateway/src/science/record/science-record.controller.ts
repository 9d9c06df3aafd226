import { Controller, ForbiddenException, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { EnterpriseDirectory } from '../../permits/enterprise-directory.store';
import { creditCodeParameter } from '../../permits/permit.request';
import { type ScienceRecord, ScienceRecords } from './science-record.store';

export const SCIENCE_RECORD_TITLE = '科技计划项目信用记录';

/** Besides the enterprise's own registrant: the commission that keeps the record, finance (which pays and recovers). */
const mayReadRecords = (actor: Actor) =>
  actor.role === 'science-officer' || actor.role === 'finance-officer' || actor.role === 'administrator';
const REFUSED = 'only the enterprise, the science commission, finance and administrators see its science record';

export type ScienceRecordView = { creditCode: string; enterpriseName: string; title: string } & ScienceRecord;

@ApiTags('grants')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/science/enterprises')
export class ScienceRecordController {
  constructor(
    private readonly directory: EnterpriseDirectory,
    private readonly records: ScienceRecords,
  ) {}

  @Get(':creditCode/record')
  @ApiOperation({
    summary: 'An enterprise’s science record (科技计划项目信用记录, R4.4): recognitions, grants, clawbacks, referrals',
    description:
      'What the science commission holds about the enterprise, from its events (a read model, so a fact just ' +
      'recorded may take a moment to show): makerSpaces [{caseId, level, status, appliedAt, recognisedAt, ' +
      'exemptionStartsOn}], grants [{caseId, programmeCode, status (in-progress, rejected, withdrawn, paid, ' +
      'recovered), amount, paidAmount, paidAt, publishedAt, recoveredAt, publicationWithdrawnAt}], clawbacks ' +
      '[{clawbackId, grantCaseId, ground, rate, grantAmount, fine, amountDue (grant + fine), status, openedAt, ' +
      'recoveredAt}] and referrals (CaseReferred) [{clawbackId, grantCaseId, ground, amountDue, referredAt}]. Money ' +
      'in yuan as decimal strings. For the registrant the enterprise is licensed to (another registrant is told 404), ' +
      'science-commission and finance officers and administrators; 404 for an enterprise never licensed.',
  })
  @ApiParam({ name: 'creditCode', schema: openApiSchemaOf(creditCodeParameter) })
  @ApiOkResponse({ description: 'ScienceRecordView' })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('creditCode', new FieldValidationPipe('creditCode', creditCodeParameter)) creditCode: string,
  ): Promise<ScienceRecordView> {
    // Refused before the lookup, so other departments cannot learn which enterprises have a record.
    if (actor.role !== 'registrant' && !mayReadRecords(actor)) throw new ForbiddenException(REFUSED);
    const enterprise = await this.directory.find(creditCode);
    const owner = enterprise?.registrantId === actor.id;
    if (!enterprise || (!owner && !mayReadRecords(actor))) {
      throw new NotFoundException(`no licensed enterprise ${creditCode}`);
    }
    const record = await this.records.of(creditCode);
    return { creditCode, enterpriseName: enterprise.name, title: SCIENCE_RECORD_TITLE, ...record };
  }
}
