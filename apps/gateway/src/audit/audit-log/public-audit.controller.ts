import { Controller, Get, NotFoundException, Query, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@govflow/auth';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { AuditLogClient } from './audit-log.client';

const publicKey = z.object({
  service: z.string(),
  origin: z.string().describe("the log's name, the first line of each of its checkpoints"),
  verifierKey: z.string().describe('C2SP signed-note verifier key: <name>+<hex key id>+<base64(0x01 ‖ Ed25519 key)>'),
  previousVerifierKeys: z.array(z.string()),
});
const checkpoint = z.object({
  service: z.string(),
  origin: z.string(),
  size: z.number().int(),
  note: z.string().describe('C2SP tlog-checkpoint in a signed note'),
  signedAt: z.iso.datetime(),
});

/** What an outsider needs to check receipts and watch the logs: no sign-in. */
@ApiTags('audit')
@Controller('api/audit')
export class PublicAuditController {
  constructor(private readonly logs: AuditLogClient) {}

  @Get('public-keys')
  @Public()
  @ApiOperation({ summary: "Every service's audit-log verifier key (public)" })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(publicKey)) })
  async publicKeys(): Promise<z.infer<typeof publicKey>[]> {
    const answers = await this.logs.askAll('/public-key');
    const missing = answers.filter((a) => a.status !== 200).map((a) => a.service);
    if (missing.length) throw new ServiceUnavailableException(`no answer from ${missing.join(', ')}`);
    return answers.map((a) => ({ service: a.service, ...(a.body as Omit<z.infer<typeof publicKey>, 'service'>) }));
  }

  @Get('checkpoints/latest')
  @Public()
  @ApiOperation({ summary: "A service's latest signed checkpoint (public)" })
  @ApiQuery({ name: 'service', required: true, example: 'registration' })
  @ApiOkResponse({ schema: openApiSchemaOf(checkpoint) })
  @ApiErrorResponses(400, 404)
  async latest(@Query('service') service: unknown): Promise<z.infer<typeof checkpoint>> {
    const name = new FieldValidationPipe(
      'service',
      z.enum(this.logs.serviceNames as [string, ...string[]], {
        error: `must be one of ${this.logs.serviceNames.join(', ')}`,
      }),
    ).transform(service);
    const answer = await this.logs.ask(name, '/checkpoints/latest');
    if (answer.status === 404) throw new NotFoundException(`${name} has signed no checkpoint yet`);
    if (answer.status !== 200) throw new ServiceUnavailableException(`${name} did not answer`);
    return { service: name, ...(answer.body as Omit<z.infer<typeof checkpoint>, 'service'>) };
  }
}
