import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Roles } from '@govflow/auth';
import { ApiErrorResponses } from '../../../http/openapi-schema';
import { BEARER_SCHEME } from '../../../http/openapi';
import { actorOpenApiSchema } from '../../actor.schema';
import { UserStore } from '../user-store';

@ApiTags('users')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/users')
export class ListUsersController {
  constructor(private readonly users: UserStore) {}

  @Get()
  @Roles('administrator')
  @ApiOperation({ summary: 'Every user account (administrators only)' })
  @ApiOkResponse({ schema: { type: 'array', items: actorOpenApiSchema } })
  @ApiErrorResponses(401, 403)
  list(): Promise<Actor[]> {
    return this.users.list();
  }
}
