import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AccessTokenService,
  AUTH_OPTIONS,
  type AuthOptions,
  type IssuedAccessToken,
  Public,
  TOKEN_REVOCATIONS,
} from '@govflow/auth';
import { TokenRevocationStore } from '../revocation/token-revocation.store';
import { FieldsRefused } from '../../http/api-error';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { clientAddressOf } from '../throttle/client-address';
import { SignInThrottle } from '../throttle/sign-in-throttle';
import { Credentials } from './credentials';
import { loginRequest, type LoginRequest, loginResponse } from './login.request';

@ApiTags('auth')
@Controller('api/auth')
export class LoginController {
  constructor(
    private readonly credentials: Credentials,
    private readonly tokens: AccessTokenService,
    private readonly throttle: SignInThrottle,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Inject(TOKEN_REVOCATIONS) private readonly revocations: TokenRevocationStore,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with a username and password; answers a bearer access token',
    description:
      'After 5 failures in a row for an account or from an address, each further failure blocks the next ' +
      'attempt for 1, 2, 4 … seconds (at most 15 minutes): 429 with Retry-After, whatever the password.',
  })
  @ApiBody({ schema: openApiSchemaOf(loginRequest) })
  @ApiOkResponse({ schema: openApiSchemaOf(loginResponse) })
  @ApiErrorResponses(400, 401, 429)
  async login(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body(new ZodValidationPipe(loginRequest)) body: LoginRequest,
  ): Promise<IssuedAccessToken> {
    const attempt = { username: body.username, address: clientAddressOf(request, this.options.signingSecret) };
    const wait = await this.throttle.retryAfter(attempt);
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      throw new FieldsRefused(HttpStatus.TOO_MANY_REQUESTS, [
        { field: null, message: `too many failed sign-ins: try again in ${wait} s` },
      ]);
    }
    const user = await this.credentials.verify(body.username, body.password);
    if (!user) {
      await this.throttle.recordFailure(attempt);
      throw new UnauthorizedException('unknown username or wrong password');
    }
    await this.throttle.recordSuccess(attempt);
    this.revocations.noteVersion(user.actor.id, user.passwordVersion);
    return this.tokens.issue(user.actor, user.passwordVersion);
  }
}
