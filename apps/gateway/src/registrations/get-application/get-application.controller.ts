import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@govflow/auth';
import type { EstablishmentApplication } from '@govflow/contracts';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { maskIdNumbersIn, readsIdNumbersInFull } from '../../http/personal-data';
import { BEARER_SCHEME } from '../../http/openapi';
import { establishmentApplicationRequest } from '../application/establishment-application.request';
import { CaseAccess } from '../case-access';
import { caseIdPipe } from '../case-id';
import { RegistrationCaseStore } from '../registration-cases/registration-case-store';

@ApiTags('registrations')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/registrations')
export class GetApplicationController {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: RegistrationCaseStore,
  ) {}

  @Get(':caseId/application')
  @ApiOperation({
    summary: 'The application of a case as filed, with every supplement applied',
    description:
      'Amounts as decimal strings, shareholders with their currency. Same access as the case: its applicant, ' +
      'market-regulation officers and administrators. ID numbers in full for the applicant and the deciding ' +
      'registration officers only; masked (110105********002X) for everyone else.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ schema: openApiSchemaOf(establishmentApplicationRequest) })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
  ): Promise<EstablishmentApplication> {
    await this.access.assertMayView(actor, caseId);
    const application = await this.cases.application(caseId);
    if (!application) throw new NotFoundException(`no application kept for ${caseId}`);
    const filed = await this.cases.find(caseId);
    return readsIdNumbersInFull(actor, filed?.applicantId) ? application : maskIdNumbersIn(application);
  }
}
