import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor, Public, toContractActor } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { caseIdPipe } from '../registrations/case-id';
import { type ObjectionBody, objectionRequest } from './deregistration.request';
import { announcementView, type AnnouncementView } from './deregistration.view';
import { DeregistrationWorkflows } from './deregistration-workflows.service';

@ApiTags('announcements')
@Controller('api/announcements')
export class AnnouncementsController {
  constructor(private readonly workflows: DeregistrationWorkflows) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Simplified deregistration announcements running now (简易注销公告); no sign-in needed' })
  @ApiOkResponse({ schema: { type: 'array', items: openApiSchemaOf(announcementView) } })
  async list(): Promise<AnnouncementView[]> {
    const running = await this.workflows.announcing();
    return running.flatMap(({ caseId, enterprise, announcement, objections }) =>
      enterprise && announcement
        ? [
            {
              caseId,
              creditCode: enterprise.creditCode,
              enterpriseName: enterprise.enterpriseName,
              startedAt: announcement.startedAt,
              endsAt: announcement.due.legalDueAt,
              ...(announcement.due.dueAtCalendar && { endsAtCalendar: announcement.due.dueAtCalendar }),
              objections: objections.length,
            },
          ]
        : [],
    );
  }

  @Post(':caseId/objections')
  @ApiBearerAuth(BEARER_SCHEME)
  @ApiOperation({
    summary: 'Object to a deregistration while its announcement runs (signed in; the name is the account’s)',
    description: '409 once the announcement period has ended (the objection channel closes at expiry).',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiBody({ schema: openApiSchemaOf(objectionRequest) })
  @ApiCreatedResponse({ description: 'the objection is lodged' })
  @ApiErrorResponses(400, 401, 404, 409)
  async object(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
    @Body(new ZodValidationPipe(objectionRequest)) body: ObjectionBody,
  ): Promise<{ caseId: string; objections: number }> {
    const status = await this.workflows.object(caseId, toContractActor(actor), actor.username, body);
    return { caseId, objections: status.objections.length };
  }
}
