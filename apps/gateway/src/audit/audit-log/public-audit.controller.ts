import {
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Query,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@govflow/auth';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { AuditLogClient, OWN_LOG } from './audit-log.client';

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

const consistencyProof = z.object({
  service: z.string(),
  origin: z.string(),
  fromSize: z.number().int(),
  checkpoint: z.string().describe('the latest signed checkpoint (C2SP signed note), larger than fromSize'),
  consistency: z.array(z.string()).describe('RFC 9162 consistency proof from fromSize to it, base64 hashes'),
});
const treeSize = new FieldValidationPipe(
  'from',
  z
    .string({ error: 'must be a tree size: a whole number, 1 or more' })
    .regex(/^[1-9][0-9]{0,14}$/, { error: 'must be a tree size: a whole number, 1 or more' })
    .transform(Number),
);

// The logs GatewayModule registers, and the gateway's own: what the document offers for `service`.
const serviceParameter = {
  name: 'service',
  required: true,
  schema: { type: 'string', enum: ['registration', 'tax', 'permits', 'science-commission', OWN_LOG] },
};

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
  @ApiQuery(serviceParameter)
  @ApiOkResponse({ schema: openApiSchemaOf(checkpoint) })
  @ApiErrorResponses(400, 404)
  async latest(@Query('service') service: unknown): Promise<z.infer<typeof checkpoint>> {
    const name = this.serviceName(service);
    const answer = await this.logs.ask(name, '/checkpoints/latest');
    if (answer.status === 404) throw new NotFoundException(`${name} has signed no checkpoint yet`);
    if (answer.status !== 200) throw new ServiceUnavailableException(`${name} did not answer`);
    return { service: name, ...(answer.body as Omit<z.infer<typeof checkpoint>, 'service'>) };
  }

  @Get('consistency-proofs')
  @Public()
  @ApiOperation({
    summary: "Proof that a service's log still holds the tree a receipt was signed over (public)",
    description:
      'For a receipt holder: the latest signed checkpoint and the RFC 9162 consistency proof to it from the ' +
      "receipt's tree size. Put both in the receipt's `later` (or pass this answer to `npm run verify-receipt " +
      '-- receipt.json --public-key key --later answer.json`) to show the event was not removed since. 404 while ' +
      'no larger checkpoint exists; 409 when the latest checkpoint is smaller than `from` (the log was cut back).',
  })
  @ApiQuery(serviceParameter)
  @ApiQuery({ name: 'from', required: true, schema: treeSize.openApi, description: "the receipt's checkpoint size" })
  @ApiOkResponse({ schema: openApiSchemaOf(consistencyProof) })
  @ApiErrorResponses(400, 404, 409)
  async consistencyProof(
    @Query('service') service: unknown,
    @Query('from') from: unknown,
  ): Promise<z.infer<typeof consistencyProof>> {
    const name = this.serviceName(service);
    const fromSize = treeSize.transform(from);
    const answer = await this.logs.ask(name, `/consistency?from=${fromSize}`);
    if (answer.status === 404) throw new NotFoundException(`${name} has signed no checkpoint larger than ${fromSize}`);
    if (answer.status === 409) {
      throw new ConflictException(`${name}'s latest checkpoint is smaller than ${fromSize}: its log was cut back`);
    }
    if (answer.status !== 200) throw new ServiceUnavailableException(`${name} did not answer`);
    return { service: name, ...(answer.body as Omit<z.infer<typeof consistencyProof>, 'service'>) };
  }

  private serviceName(service: unknown): string {
    return new FieldValidationPipe(
      'service',
      z.enum(this.logs.serviceNames as [string, ...string[]], {
        error: `must be one of ${this.logs.serviceNames.join(', ')}`,
      }),
    ).transform(service);
  }
}
