import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@govflow/auth';
import { ApiErrorResponses } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { actorOpenApiSchema } from '../actor.schema';

@ApiTags('auth')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the bearer token belongs to: id, username, role and department' })
  @ApiOkResponse({ schema: actorOpenApiSchema })
  @ApiErrorResponses(401)
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
