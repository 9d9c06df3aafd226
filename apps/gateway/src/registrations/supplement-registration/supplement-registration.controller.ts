import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { caseIdPipe } from '../case-id';
import { registrationView, type RegistrationView, toRegistrationView } from '../registration-view';
import { supplementRegistrationRequest, type SupplementRegistrationRequest } from './supplement-registration.request';
import { SupplementRegistration } from './supplement-registration.service';

@ApiTags('registrations')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/registrations')
export class SupplementRegistrationController {
  constructor(private readonly registrations: SupplementRegistration) {}

  @Post(':caseId/supplement')
  @Roles('registrant')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Answer an officer's request for information by changing the application",
    description:
      'Only while a request for information is open (409 otherwise, and for a closed case). Shareholders given ' +
      'here take the currency of registeredCapital in the same changes, or else that of the case.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiBody({ schema: openApiSchemaOf(supplementRegistrationRequest) })
  @ApiOkResponse({ schema: openApiSchemaOf(registrationView) })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async supplement(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
    @Body(new ZodValidationPipe(supplementRegistrationRequest)) request: SupplementRegistrationRequest,
  ): Promise<RegistrationView> {
    return toRegistrationView(await this.registrations.supplement(actor, caseId, request));
  }
}
