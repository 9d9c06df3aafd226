import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type Actor,
  AUTH_OPTIONS,
  type AuthOptions,
  CurrentActor,
  hashPassword,
  TOKEN_REVOCATIONS,
} from '@govflow/auth';
import { FieldsRefused } from '../../http/api-error';
import { BEARER_SCHEME } from '../../http/openapi';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { Credentials } from '../login/credentials';
import { TokenRevocationStore } from '../revocation/token-revocation.store';
import { clientAddressOf } from '../throttle/client-address';
import { SignInThrottle } from '../throttle/sign-in-throttle';
import { UserStore } from '../users/user-store';
import { changePasswordRequest, type ChangePasswordRequest } from './change-password.request';

@ApiTags('auth')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/auth/password')
export class ChangePasswordController {
  constructor(
    private readonly credentials: Credentials,
    private readonly users: UserStore,
    private readonly throttle: SignInThrottle,
    @Inject(TOKEN_REVOCATIONS) private readonly revocations: TokenRevocationStore,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Change one’s own password; every token issued before, this one included, is revoked',
    description: 'A wrong current password counts as a failed sign-in for the account and the address.',
  })
  @ApiBody({ schema: openApiSchemaOf(changePasswordRequest) })
  @ApiNoContentResponse({ description: 'Changed: sign in again with the new password.' })
  @ApiErrorResponses(400, 401, 429)
  async change(
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Body(new ZodValidationPipe(changePasswordRequest)) body: ChangePasswordRequest,
  ): Promise<void> {
    const attempt = { username: actor.username, address: clientAddressOf(request, this.options.signingSecret) };
    const wait = await this.throttle.retryAfter(attempt);
    if (wait > 0) {
      throw new FieldsRefused(HttpStatus.TOO_MANY_REQUESTS, [
        { field: null, message: `too many failed sign-ins: try again in ${wait} s` },
      ]);
    }
    if (!(await this.credentials.verify(actor.username, body.currentPassword))) {
      await this.throttle.recordFailure(attempt);
      throw new FieldsRefused(HttpStatus.BAD_REQUEST, [{ field: 'currentPassword', message: 'is wrong' }]);
    }
    await this.users.changePassword(actor.id, await hashPassword(body.newPassword));
    await this.revocations.refreshUser(actor.id);
  }
}
