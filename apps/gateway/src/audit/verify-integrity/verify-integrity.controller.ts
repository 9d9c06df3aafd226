import { Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';

export const INTEGRITY_SERVICES = Symbol('INTEGRITY_SERVICES');

/** Each service with an event store, and where it answers GET /integrity. */
export type IntegrityServices = readonly { service: string; url: string }[];

const serviceReport = z.object({
  service: z.string(),
  reachable: z.boolean(),
  intact: z.boolean().optional(),
  eventsChecked: z.number().int().optional(),
  streamId: z.string().optional().describe('the first stream whose hash chain breaks'),
  version: z.number().int().optional(),
  position: z.string().optional().describe('global position of the first event that fails'),
  problem: z.enum(['altered-event', 'broken-link', 'missing-event']).optional(),
});
type ServiceReport = z.infer<typeof serviceReport>;

const ASK_WITHIN_MS = 60_000;

@ApiTags('admin')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/admin/integrity')
export class VerifyIntegrityController {
  constructor(@Inject(INTEGRITY_SERVICES) private readonly services: IntegrityServices) {}

  @Post()
  @Roles('administrator')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Recompute every service's event-store hash chains (administrators only)",
    description:
      'Each service checks its own store; the answer says per service whether all is intact, or the stream, ' +
      'version and global position of the first event that fails. A service that does not answer is reported ' +
      'unreachable.',
  })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(serviceReport)) })
  @ApiErrorResponses(401, 403)
  verify(): Promise<ServiceReport[]> {
    return Promise.all(this.services.map(({ service, url }) => this.ask(service, url)));
  }

  private async ask(service: string, url: string): Promise<ServiceReport> {
    try {
      const response = await fetch(`${url}/integrity`, { signal: AbortSignal.timeout(ASK_WITHIN_MS) });
      if (!response.ok) return { service, reachable: false };
      const answer = serviceReport.omit({ service: true, reachable: true }).parse(await response.json());
      return { service, reachable: true, ...answer };
    } catch {
      return { service, reachable: false };
    }
  }
}
