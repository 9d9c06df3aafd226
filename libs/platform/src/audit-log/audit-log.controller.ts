import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { Pool } from 'pg';
import { Inject } from '@nestjs/common';
import { latestCheckpoint, receiptFor, verifierKey, verifyLog } from '@govflow/event-store';
import { PG_POOL } from '../tokens';
import { AuditLogPublisher } from './audit-log.publisher';

/**
 * The service's audit log, internal like /integrity: the gateway answers the public and administrators' API
 * (/api/audit/...) by calling these. Reads only, except that verify reads every row.
 */
@Controller('audit')
export class AuditLogController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly log: AuditLogPublisher,
  ) {}

  @Get('public-key')
  publicKey() {
    const { origin, signer, previousVerifierKeys } = this.log.settings;
    return { origin, verifierKey: verifierKey(signer), previousVerifierKeys };
  }

  @Get('checkpoints/latest')
  async latest() {
    const checkpoint = await latestCheckpoint(this.pool);
    if (!checkpoint) throw new NotFoundException('no checkpoint signed yet');
    return {
      origin: this.log.settings.origin,
      size: checkpoint.size,
      note: checkpoint.note,
      signedAt: checkpoint.signedAt,
    };
  }

  /** `outsideNotes`: checkpoints the caller kept elsewhere; a truncated log shows only against them. */
  @Post('verify')
  @HttpCode(HttpStatus.OK)
  verify(@Body() body: { outsideNotes?: unknown } = {}) {
    const outsideNotes = Array.isArray(body?.outsideNotes)
      ? body.outsideNotes.filter((n): n is string => typeof n === 'string')
      : [];
    const { origin, signer, previousVerifierKeys } = this.log.settings;
    return verifyLog(this.pool, { origin, verifierKeys: [verifierKey(signer), ...previousVerifierKeys], outsideNotes });
  }

  @Get('events/:eventId/receipt')
  async receipt(
    @Param('eventId', new ParseUUIDPipe()) eventId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const answer = await receiptFor(this.pool, this.log.settings.origin, eventId);
    if (answer.status === 'unknown') throw new NotFoundException(`no event ${eventId} in this service`);
    if (answer.status === 'pending') {
      response.status(HttpStatus.ACCEPTED);
      return { status: 'pending', detail: 'no signed checkpoint covers this event yet; ask again in a few seconds' };
    }
    return answer.receipt;
  }
}
