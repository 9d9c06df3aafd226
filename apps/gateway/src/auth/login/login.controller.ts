import { Body, Controller, HttpCode, HttpStatus, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessTokenService, type IssuedAccessToken, Public } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { Credentials } from './credentials';
import { loginRequest, type LoginRequest, loginResponse } from './login.request';

@ApiTags('auth')
@Controller('api/auth')
export class LoginController {
  constructor(
    private readonly credentials: Credentials,
    private readonly tokens: AccessTokenService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with a username and password; answers a bearer access token' })
  @ApiBody({ schema: openApiSchemaOf(loginRequest) })
  @ApiOkResponse({ schema: openApiSchemaOf(loginResponse) })
  @ApiErrorResponses(400, 401)
  async login(@Body(new ZodValidationPipe(loginRequest)) body: LoginRequest): Promise<IssuedAccessToken> {
    const actor = await this.credentials.verify(body.username, body.password);
    if (!actor) throw new UnauthorizedException('unknown username or wrong password');
    return this.tokens.issue(actor);
  }
}
