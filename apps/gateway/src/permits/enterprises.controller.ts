import { Controller, ForbiddenException, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { FieldValidationPipe } from '../http/field-validation.pipe';
import { type EnterprisePermit, EnterpriseDirectory } from './enterprise-directory.store';
import { creditCodeParameter } from './permit.request';

export interface EnterpriseView {
  creditCode: string;
  name: string;
  status: string;
  license: { caseId: string; issuedAt: string; businessScope: string[] };
  permits: EnterprisePermit[];
  /** R2.2: said wherever the permits are shown. */
  notice: string;
}

const NOTICE = '许可事项取得许可证前，企业不得从事该项经营活动（先照后证）。';
const mayRead = (actor: Actor) =>
  actor.role === 'administrator' || actor.role === 'permit-officer' || actor.role === 'registration-officer';

@ApiTags('permits')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/enterprises')
export class EnterprisesController {
  constructor(private readonly directory: EnterpriseDirectory) {}

  @Get(':creditCode')
  @ApiOperation({
    summary: 'An enterprise: its license and every permit case with its state (R2.2)',
    description:
      'For the owner, officers and administrators; permits: [{permitCaseId, code, nameZh, authority, route, status, grantedAt, validUntil}].',
  })
  @ApiParam({ name: 'creditCode', schema: openApiSchemaOf(creditCodeParameter) })
  @ApiOkResponse({ description: 'EnterpriseView' })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('creditCode', new FieldValidationPipe('creditCode', creditCodeParameter)) creditCode: string,
  ): Promise<EnterpriseView> {
    // Refused before the lookup, so other departments cannot learn which enterprises exist.
    if (actor.role !== 'registrant' && !mayRead(actor))
      throw new ForbiddenException('only the owner, officers and administrators see an enterprise');
    const enterprise = await this.directory.find(creditCode);
    if (!enterprise) throw new NotFoundException(`no licensed enterprise ${creditCode}`);
    if (enterprise.registrantId !== actor.id && !mayRead(actor)) {
      if (actor.role === 'registrant') throw new NotFoundException(`no licensed enterprise ${creditCode}`);
      throw new ForbiddenException('only the owner, officers and administrators see an enterprise');
    }
    const { name, status, caseId, issuedAt, businessScope } = enterprise;
    const permits = await this.directory.permitsOf(creditCode);
    return { creditCode, name, status, license: { caseId, issuedAt, businessScope }, permits, notice: NOTICE };
  }
}
