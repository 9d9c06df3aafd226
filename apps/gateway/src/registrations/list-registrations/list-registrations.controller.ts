import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { RegistrationCaseStore } from '../registration-cases/registration-case-store';
import { registrationStatusName } from '../registration-view';
import { CaseStatuses } from './case-statuses';

const registrationSummary = z.object({
  caseId: z.uuid(),
  status: registrationStatusName,
  submittedAt: z.iso.datetime(),
  enterpriseName: z.string().describe('the declared name, division + trade name + industry + form'),
});
type RegistrationSummary = z.infer<typeof registrationSummary>;

@ApiTags('registrations')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/registrations')
export class ListRegistrationsController {
  constructor(
    private readonly cases: RegistrationCaseStore,
    private readonly statuses: CaseStatuses,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The caller's own cases, newest first",
    description:
      'Cases are listed from the moment they are submitted; status comes from the case workflow and shows ' +
      'submitted until the workflow first reports.',
  })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(registrationSummary)) })
  @ApiErrorResponses(401)
  async list(@CurrentActor() actor: Actor): Promise<RegistrationSummary[]> {
    const cases = await this.cases.listFor(actor.id);
    if (cases.length === 0) return [];
    const statuses = await this.statuses.ofApplicant(actor.id);
    return cases.map(({ caseId, submittedAt, enterpriseName }) => ({
      caseId,
      status: registrationStatusName.catch('submitted').parse(statuses.get(caseId)),
      submittedAt: submittedAt.toISOString(),
      enterpriseName,
    }));
  }
}
