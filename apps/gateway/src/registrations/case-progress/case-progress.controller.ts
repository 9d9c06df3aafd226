import { Controller, Get, Headers, type OnApplicationShutdown, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Actor, CurrentActor } from '@govflow/auth';
import { AuditTrailStore } from '../../audit/audit-trail/audit-trail.store';
import { ApiErrorResponses } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { CaseAccess } from '../case-access';
import { caseIdPipe } from '../case-id';

const POLL_MS = 300;
const HEARTBEAT_MS = 15_000;
const POSITION = /^\d{1,18}$/;

@ApiTags('registrations')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/registrations')
export class CaseProgressController implements OnApplicationShutdown {
  private readonly open = new Set<Response>();

  constructor(
    private readonly access: CaseAccess,
    private readonly audit: AuditTrailStore,
  ) {}

  @Get(':caseId/progress')
  @ApiOperation({
    summary: 'Server-sent events: one `case-event` per event of the case, from every service, as it arrives',
    description:
      "Each event has the id of its position in the gateway's arrival order; a reconnect with Last-Event-ID " +
      'resumes after it (without one, the stream starts with the whole history). The data is ' +
      '{seq, type, service, occurredAt}: read the case again for its new state. Same access as the case.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  // The stream's type on its 200 only: a refusal before it starts is JSON in the error shape.
  @ApiOkResponse({ content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiErrorResponses(400, 401, 403, 404)
  async stream(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.access.assertMayView(actor, caseId);
    let after = lastEventId && POSITION.test(lastEventId) ? lastEventId : '0';
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 1000\n\n');
    this.open.add(response);
    request.on('close', () => this.open.delete(response));
    let quietSince = Date.now();
    try {
      while (this.open.has(response)) {
        for (const event of await this.audit.arrivedAfter(caseId, after)) {
          response.write(`id: ${event.seq}\nevent: case-event\ndata: ${JSON.stringify(event)}\n\n`);
          after = event.seq;
          quietSince = Date.now();
        }
        if (Date.now() - quietSince > HEARTBEAT_MS) {
          response.write(': still here\n\n');
          quietSince = Date.now();
        }
        await sleep(POLL_MS);
      }
    } finally {
      this.open.delete(response);
      response.end();
    }
  }

  onApplicationShutdown(): void {
    for (const response of this.open) response.end();
    this.open.clear();
  }
}
