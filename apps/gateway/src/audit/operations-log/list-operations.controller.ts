import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { OperationsLog, type OperationEntry } from './operations-log';

const entry = z.object({
  eventId: z.string().describe('the AdministratorActed event: its receipt proves it is in the signed log'),
  action: z.string().describe('e.g. audit.verify, audit.case-workflows'),
  target: z.string().nullable(),
  outcome: z.record(z.string(), z.unknown()).nullable(),
  actor: z.object({ id: z.string(), username: z.string(), role: z.string() }),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});

@ApiTags('audit')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/audit/operations')
export class ListOperationsController {
  constructor(private readonly operations: OperationsLog) {}

  @Get()
  @Roles('administrator')
  @ApiOperation({ summary: "Administrators' own actions, newest first (administrators only)" })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(entry)) })
  @ApiErrorResponses(401, 403)
  list(): Promise<OperationEntry[]> {
    return this.operations.latest();
  }
}
