import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@govflow/auth';
import type { EstablishmentApplication } from '@govflow/contracts';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { establishmentApplicationRequest } from '../application/establishment-application.request';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyPipe } from './idempotency-key';
import { submitRegistrationResponse } from './submit-registration.response';
import { SubmitRegistration } from './submit-registration.service';

@ApiTags('registrations')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/registrations')
export class SubmitRegistrationController {
  constructor(private readonly registrations: SubmitRegistration) {}

  @Post()
  @Roles('registrant')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'File an establishment application (三证合一): starts the case and answers its id',
    description:
      'Amounts may be numbers or decimal strings; they are stored as decimal strings with two places, and each ' +
      "shareholder's subscribedAmount is in the currency of registeredCapital. With an Idempotency-Key, a repeat by " +
      'the same registrant with the same application answers the same caseId and starts nothing; the same key with ' +
      'a different application answers 409. Keys are kept per registrant, without expiry.',
  })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    schema: idempotencyKeyPipe.openApi,
    description: 'a key the client chooses per application (a UUID, say), 1 to 200 visible ASCII characters',
  })
  @ApiBody({ schema: openApiSchemaOf(establishmentApplicationRequest) })
  @ApiAcceptedResponse({ schema: openApiSchemaOf(submitRegistrationResponse) })
  @ApiErrorResponses(400, 401, 403, 409)
  submit(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(establishmentApplicationRequest)) application: EstablishmentApplication,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
  ): Promise<{ caseId: string }> {
    return this.registrations.submit(actor, application, idempotencyKeyPipe.transform(idempotencyKey));
  }
}
