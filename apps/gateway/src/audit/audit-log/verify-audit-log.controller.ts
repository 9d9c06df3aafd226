import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor, Roles } from '@govflow/auth';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { OperationsLog } from '../operations-log/operations-log';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { AuditLogClient } from './audit-log.client';
import { CheckpointCopies } from './checkpoint-copies';

const problem = z.object({
  kind: z.enum(['edited', 'inserted', 'reordered', 'deleted-event', 'deleted-stream', 'truncated', 'bad-checkpoint']),
  logIndex: z.number().int().optional(),
  streamId: z.string().optional(),
  version: z.number().int().optional(),
  position: z.string().optional().describe('global position in the service’s event store'),
  detail: z.string(),
});
const serviceVerdict = z.object({
  service: z.string(),
  ok: z.boolean(),
  reachable: z.boolean().optional().describe('false when the service did not answer: then it is not ok'),
  treeSize: z.number().int(),
  checkpointSize: z.number().int().optional(),
  problems: z.array(problem),
});
const verifyRequest = z
  .object({ reason: z.string().trim().min(1).max(500).optional().describe('why; kept in the operations log') })
  .default({});
const verdict = z.object({ ok: z.boolean(), services: z.array(serviceVerdict) });
type ServiceVerdict = z.infer<typeof serviceVerdict>;

@ApiTags('audit')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/audit')
export class VerifyAuditLogController {
  constructor(
    private readonly logs: AuditLogClient,
    private readonly copies: CheckpointCopies,
    private readonly operations: OperationsLog,
  ) {}

  @Post('verify')
  @Roles('administrator')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Verify every service's signed audit log against its events (administrators only)",
    description:
      'Each service recomputes every leaf from its rows, rebuilds the tree, checks each signed checkpoint and ' +
      'the checkpoints the gateway kept from audit.checkpoints (so a truncated tail shows), and names each ' +
      'problem with its place. A service that does not answer is not ok.',
  })
  @ApiOkResponse({ schema: openApiSchemaOf(verdict) })
  @ApiErrorResponses(400, 401, 403)
  async verify(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(verifyRequest)) { reason }: z.output<typeof verifyRequest>,
  ): Promise<z.infer<typeof verdict>> {
    const services = await Promise.all(
      this.logs.serviceNames.map(async (service): Promise<ServiceVerdict> => {
        const outsideNotes = await this.copies.notesFor(service);
        const answer = await this.logs.ask(service, '/verify', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ outsideNotes }),
        });
        const parsed = serviceVerdict.omit({ service: true }).safeParse(answer.body);
        if (answer.status !== 200 || !parsed.success) {
          return { service, ok: false, reachable: false, treeSize: 0, problems: [] };
        }
        return { service, ...parsed.data };
      }),
    );
    const ok = services.every((s) => s.ok);
    const problems = services.reduce((n, s) => n + s.problems.length, 0);
    await this.operations.record(actor, 'audit.verify', { reason, outcome: { ok, problems } });
    return { ok, services };
  }
}
