import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@govflow/auth';
import { maskIdNumbersIn } from '../../http/personal-data';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { UserStore } from '../../auth/users/user-store';
import { AuditTrailStore } from '../audit-trail/audit-trail.store';
import { auditCaseIdPipe } from '../audit-case-id';

const auditedEvent = z.object({
  eventId: z.string(),
  type: z.string().describe('e.g. ApplicationSubmitted, TaskDecided, LicenseIssued, TaxRecordOpened'),
  service: z.string().describe('registration, tax or science-commission; tasks for the shared task topic'),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    id: z.string(),
    username: z.string().nullable().describe("the person's username; null for a service or an unknown id"),
    role: z.string(),
    department: z.string().nullable(),
  }),
  reason: z.string().nullable().describe('why, where a person decided'),
  streamId: z.string(),
  version: z.number().int().describe('position of the event in its stream, from 1'),
  causationId: z.string().nullable().describe('the event or command that caused this one'),
});
type CaseEvent = z.infer<typeof auditedEvent>;

@ApiTags('audit')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/audit')
export class ListCaseEventsController {
  constructor(
    private readonly audit: AuditTrailStore,
    private readonly users: UserStore,
  ) {}

  @Get('cases/:caseId/events')
  @Roles('administrator')
  @ApiOperation({
    summary: 'Every event of a case across services, in order (administrators only)',
    description:
      'From an audit index of all topics (registration.events, tax.events, science-commission.events, ' +
      'tasks.events) by metadata.correlationId = caseId. Ordered by occurredAt; events at the same instant by ' +
      'topic, then by stream version. An unknown case has no events (an empty list).',
  })
  @ApiParam({ name: 'caseId', schema: auditCaseIdPipe.openApi })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(auditedEvent)) })
  @ApiErrorResponses(400, 401, 403)
  async list(@Param('caseId', auditCaseIdPipe) caseId: string): Promise<CaseEvent[]> {
    // Usernames never change here, so today's name is the name at the time of the act.
    const usernames = new Map((await this.users.list()).map((user) => [user.id, user.username]));
    // Administrators decide nothing, so they read ID numbers masked.
    return (await this.audit.eventsOfCase(caseId)).map(({ actor, ...event }) => ({
      ...maskIdNumbersIn(event),
      actor: {
        id: actor.id,
        username: usernames.get(actor.id) ?? null,
        role: actor.role,
        department: actor.department,
      },
    }));
  }
}
