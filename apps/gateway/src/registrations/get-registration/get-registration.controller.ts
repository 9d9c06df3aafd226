import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { CaseWorkflows } from '../../temporal/case-workflows';
import { TaskInboxStore } from '../../tasks/task-inbox/task-inbox.store';
import { CaseAccess } from '../case-access';
import { caseIdPipe } from '../case-id';
import { registrationView, type RegistrationView, toRegistrationView } from '../registration-view';

@ApiTags('registrations')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/registrations')
export class GetRegistrationController {
  constructor(
    private readonly access: CaseAccess,
    private readonly workflows: CaseWorkflows,
    private readonly inbox: TaskInboxStore,
  ) {}

  @Get(':caseId')
  @ApiOperation({
    summary: "A case's progress: status, steps, license, tax record and the permits to apply for",
    description:
      "Read from the case's workflow, closed ones included. A registrant sees only their own cases (404 for " +
      "another's); market-regulation officers and administrators see any; other officers get 403.",
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ schema: openApiSchemaOf(registrationView) })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('caseId', caseIdPipe) caseId: string): Promise<RegistrationView> {
    await this.access.assertMayView(actor, caseId);
    const view = toRegistrationView(await this.workflows.registrationStatus(caseId));
    if (view.status !== 'information-requested') return view;
    const request = await this.inbox.latestInformationRequest(caseId);
    return request ? { ...view, informationRequest: request } : view;
  }
}
