import {
  Controller,
  ForbiddenException,
  Get,
  HttpStatus,
  NotFoundException,
  Param,
  Inject,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Pool } from 'pg';
import { z } from 'zod';
import { type Actor, CurrentActor } from '@govflow/auth';
import { PG_POOL } from '@govflow/platform';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { RegistrationCaseStore } from '../../registrations/registration-cases/registration-case-store';
import { AUDIT_TRAIL_TABLE } from '../audit-trail/audit-trail.projection';
import { AuditLogClient } from './audit-log.client';

const receipt = z.object({
  format: z.literal('govflow.audit-receipt/v1'),
  origin: z.string(),
  leaf: z.record(z.string(), z.unknown()).describe("the event's leaf: its hash is SHA-256(0x00 ‖ JCS(leaf))"),
  proof: z.string().describe('C2SP tlog-proof: index, inclusion hashes and the signed checkpoint'),
});
const caseIdPipe = new FieldValidationPipe('caseId', z.uuid({ error: 'must be a case id (a UUID)' }));
const eventIdPipe = new FieldValidationPipe('eventId', z.uuid({ error: 'must be an event id (a UUID)' }));

@ApiTags('audit')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/audit')
export class EventReceiptController {
  constructor(
    private readonly logs: AuditLogClient,
    private readonly cases: RegistrationCaseStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('cases/:caseId/application-receipt')
  @ApiOperation({
    summary: 'The receipt of a registration case’s application (its ApplicationSubmitted event)',
    description:
      'What the applicant’s confirmation page offers: 200 with the receipt, 202 while no checkpoint covers it ' +
      'yet or the event has not reached the audit trail; the applicant and administrators only (others 404).',
  })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ schema: openApiSchemaOf(receipt) })
  @ApiResponse({ status: 202, description: 'not covered by a checkpoint yet; ask again in a few seconds' })
  @ApiErrorResponses(400, 401, 403, 404)
  async applicationReceipt(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    if (actor.role !== 'administrator' && actor.role !== 'registrant') {
      throw new ForbiddenException('only the applicant and administrators');
    }
    const filed = await this.cases.find(caseId);
    if (!filed || (actor.role === 'registrant' && filed.applicantId !== actor.id)) {
      throw new NotFoundException(`no case ${caseId}`);
    }
    const { rows } = await this.pool.query<{ event_id: string }>(
      `SELECT event_id FROM ${AUDIT_TRAIL_TABLE} WHERE case_id = $1 AND type = 'ApplicationSubmitted'
       ORDER BY occurred_at LIMIT 1`,
      [caseId],
    );
    if (!rows[0]) {
      response.status(HttpStatus.ACCEPTED);
      return { status: 'pending', detail: 'the application has not reached the audit trail yet' };
    }
    return this.receipt(actor, rows[0].event_id, response);
  }

  @Get('events/:eventId/receipt')
  @ApiOperation({
    summary: 'A receipt proving the event is in its service’s signed audit log',
    description:
      '200 with the receipt once a signed checkpoint covers the event; 202 while none does yet (checkpoints ' +
      'are signed every few seconds). The applicant of the event’s case and administrators only; anyone can ' +
      'check a receipt with `npm run verify-receipt` and the key from GET /api/audit/public-keys.',
  })
  @ApiParam({ name: 'eventId', format: 'uuid' })
  @ApiOkResponse({ schema: openApiSchemaOf(receipt) })
  @ApiResponse({ status: 202, description: 'not covered by a checkpoint yet; ask again in a few seconds' })
  @ApiErrorResponses(400, 401, 403, 404)
  async receipt(
    @CurrentActor() actor: Actor,
    @Param('eventId', eventIdPipe) eventId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    await this.assertMaySee(actor, eventId);
    const answers = await this.logs.askAll(`/events/${eventId}/receipt`);
    const found = answers.find((a) => a.status === 200) ?? answers.find((a) => a.status === 202);
    if (found) {
      response.status(found.status);
      return found.body;
    }
    if (answers.some((a) => a.status !== 404)) throw new ServiceUnavailableException('a service did not answer');
    throw new NotFoundException(`no event ${eventId}`);
  }

  /** Administrators see any; a registrant the events of their own cases (others answer 404, as if absent). */
  private async assertMaySee(actor: Actor, eventId: string): Promise<void> {
    if (actor.role === 'administrator') return;
    if (actor.role !== 'registrant') throw new ForbiddenException('only the applicant and administrators');
    const { rows } = await this.pool.query<{ case_id: string }>(
      `SELECT case_id FROM ${AUDIT_TRAIL_TABLE} WHERE event_id = $1`,
      [eventId],
    );
    const caseId = rows[0]?.case_id;
    const isCaseId = caseId !== undefined && z.uuid().safeParse(caseId).success;
    const filed = isCaseId ? await this.cases.find(caseId) : undefined;
    if (filed?.applicantId !== actor.id) throw new NotFoundException(`no event ${eventId}`);
  }
}
