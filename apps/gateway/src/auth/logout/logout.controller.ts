import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AccessTokenService } from '@govflow/auth';
import { BEARER_SCHEME } from '../../http/openapi';
import { ApiErrorResponses } from '../../http/openapi-schema';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

@ApiTags('auth')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/auth/logout')
export class LogoutController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out: the bearer token is refused from now on, also by the portal' })
  @ApiNoContentResponse({ description: 'The token is revoked.' })
  @ApiErrorResponses(401)
  async logout(@Req() request: Request): Promise<void> {
    // The guard has verified the token already.
    await this.tokens.revoke(BEARER.exec(request.headers.authorization ?? '')![1]!);
  }
}
