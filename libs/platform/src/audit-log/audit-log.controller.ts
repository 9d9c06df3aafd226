import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { AuditLogService, type AuditLogAnswer } from './audit-log.service';

/** A 2xx answer as the body; anything else as the error it names. */
function reply(answer: AuditLogAnswer, response?: Response): unknown {
  if (answer.status >= 300) throw new HttpException(answer.body as Record<string, unknown>, answer.status);
  response?.status(answer.status);
  return answer.body;
}

/**
 * The service's audit log, internal like /integrity: the gateway answers the public and administrators' API
 * (/api/audit/...) by calling these. Reads only, except that verify reads every row.
 */
@Controller('audit')
export class AuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get('public-key')
  publicKey() {
    return reply(this.log.publicKey());
  }

  @Get('checkpoints/latest')
  async latest() {
    return reply(await this.log.latest());
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  async verify(@Body() body: { outsideNotes?: unknown } = {}) {
    const outsideNotes = Array.isArray(body?.outsideNotes)
      ? body.outsideNotes.filter((n): n is string => typeof n === 'string')
      : [];
    return reply(await this.log.verify(outsideNotes));
  }

  @Get('events/:eventId/receipt')
  async receipt(
    @Param('eventId', new ParseUUIDPipe()) eventId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    return reply(await this.log.receipt(eventId), response);
  }

  @Get('consistency')
  async consistency(@Query('from') from: string) {
    if (!/^[1-9][0-9]{0,15}$/.test(from ?? '')) throw new BadRequestException('from: a tree size, 1 or more');
    return reply(await this.log.consistency(Number(from)));
  }
}
