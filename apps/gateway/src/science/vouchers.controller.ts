import { applyDecorators, Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor, Public, Roles, toContractActor } from '@govflow/auth';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { FieldValidationPipe } from '../http/field-validation.pipe';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyPipe } from '../registrations/submit-registration/idempotency-key';
import {
  type VoucherActivityRequest,
  voucherActivityRequest,
  type VoucherClaimRequest,
  voucherClaimRequest,
  type VoucherDeliveryRequest,
  voucherDeliveryRequest,
  type VoucherNoteRequest,
  voucherNoteRequest,
} from './voucher.request';
import { publishedVoucherView, voucherView } from './voucher.view';
import { VoucherWorkflows } from './voucher-workflows.service';

const voucherIdPipe = new FieldValidationPipe(
  'voucherId',
  z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a voucher id (a UUID)')
    .transform((id) => id.toLowerCase()),
);
const note = (body: VoucherNoteRequest) => (body.note ? { reason: body.note } : {});

/** A step on a voucher by the firm or its provider: answers 200 with the voucher as it now stands. */
const VoucherStep = (
  step: 'activity' | 'contract' | 'delivery' | 'redemption',
  role: 'registrant' | 'provider',
  operation: { summary: string; description?: string },
  body: z.ZodType,
  errors: Parameters<typeof ApiErrorResponses> = [400, 401, 403, 404, 409],
) =>
  applyDecorators(
    Post(`:voucherId/${step}`),
    HttpCode(HttpStatus.OK),
    Roles(role),
    ApiBearerAuth(BEARER_SCHEME),
    ApiOperation(operation),
    ApiBody({ schema: openApiSchemaOf(body) }),
    ApiParam({ name: 'voucherId', format: 'uuid' }),
    ApiOkResponse({ schema: { type: 'object' } }),
    ApiErrorResponses(...errors),
  );

/** Innovation vouchers (科技创新券, R4.2/R4.3): the firm claims and registers the activity; the provider the rest. */
@ApiTags('vouchers')
@Controller('api/vouchers')
export class VouchersController {
  constructor(private readonly vouchers: VoucherWorkflows) {}

  @Post()
  @Roles('registrant')
  @ApiBearerAuth(BEARER_SCHEME)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Claim a voucher (申领创新券): answers once the amount is held against the programme’s yearly budget',
    description:
      'amount is yuan as a decimal string, up to the programme’s cap (400 naming amount). 409 naming the budget left ' +
      'when the year’s budget cannot cover it, 409 naming creditCode for an enterprise that is not registered and ' +
      'live or already holds a live voucher; 403 for a registrant it is not licensed to. With an Idempotency-Key a ' +
      'repeat answers the same voucherId; the same key with another body is a 409.',
  })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, schema: idempotencyKeyPipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(voucherClaimRequest) })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { voucherId: { type: 'string', format: 'uuid' } } } })
  @ApiErrorResponses(400, 401, 403, 409)
  claim(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(voucherClaimRequest)) request: VoucherClaimRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
  ): Promise<{ voucherId: string }> {
    return this.vouchers.claim(toContractActor(actor), request, idempotencyKeyPipe.transform(idempotencyKey));
  }

  @Get()
  @Roles('registrant', 'provider')
  @ApiBearerAuth(BEARER_SCHEME)
  @ApiOperation({ summary: 'The firm’s own vouchers, or the vouchers naming the signed-in provider' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object' } } })
  @ApiErrorResponses(401, 403)
  async mine(@CurrentActor() actor: Actor) {
    return (await this.vouchers.vouchersOf(toContractActor(actor))).map(voucherView);
  }

  // Before :voucherId, so "published" is never read as a voucher id.
  @Get('published')
  @Public()
  @ApiOperation({ summary: 'Paid vouchers, published (上网公示); no sign-in needed' })
  async published() {
    return (await this.vouchers.published()).map(publishedVoucherView);
  }

  @Get(':voucherId')
  @ApiBearerAuth(BEARER_SCHEME)
  @ApiOperation({ summary: 'A voucher: status, deadlines (activity, contract, validity), delivery, payment' })
  @ApiParam({ name: 'voucherId', format: 'uuid' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { voucherId: { type: 'string' }, status: { type: 'string' } } },
  })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('voucherId', voucherIdPipe) voucherId: string) {
    return voucherView(await this.vouchers.voucherFor(toContractActor(actor), voucherId));
  }

  @VoucherStep(
    'activity',
    'registrant',
    {
      summary: 'The firm registers the service activity with a provider, within the programme’s period (15 days)',
      description: '422 naming providerId unless it is a service provider’s account; 409 once lapsed or registered.',
    },
    voucherActivityRequest,
    [400, 401, 403, 404, 409, 422],
  )
  async activity(
    @CurrentActor() actor: Actor,
    @Param('voucherId', voucherIdPipe) voucherId: string,
    @Body(new ZodValidationPipe(voucherActivityRequest)) body: VoucherActivityRequest,
  ) {
    return voucherView(await this.vouchers.registerActivity(toContractActor(actor), voucherId, body));
  }

  @VoucherStep(
    'contract',
    'provider',
    { summary: 'The provider confirms the contract; the voucher is then valid for the policy’s period' },
    voucherNoteRequest,
  )
  async contract(
    @CurrentActor() actor: Actor,
    @Param('voucherId', voucherIdPipe) voucherId: string,
    @Body(new ZodValidationPipe(voucherNoteRequest)) body: VoucherNoteRequest,
  ) {
    const action = { kind: 'contract', actor: toContractActor(actor), ...note(body) } as const;
    return voucherView(await this.vouchers.act(voucherId, action));
  }

  @VoucherStep(
    'delivery',
    'provider',
    { summary: 'The provider records the service delivered, within the validity; amount in yuan' },
    voucherDeliveryRequest,
  )
  async delivery(
    @CurrentActor() actor: Actor,
    @Param('voucherId', voucherIdPipe) voucherId: string,
    @Body(new ZodValidationPipe(voucherDeliveryRequest)) body: VoucherDeliveryRequest,
  ) {
    const action = {
      kind: 'delivery',
      actor: toContractActor(actor),
      summary: body.summary,
      ...(body.amount !== undefined && { amountFen: body.amount }),
    } as const;
    return voucherView(await this.vouchers.act(voucherId, action));
  }

  @VoucherStep(
    'redemption',
    'provider',
    { summary: 'The provider asks for redemption (后补助): a science officer reviews, a finance officer pays' },
    voucherNoteRequest,
  )
  async redemption(
    @CurrentActor() actor: Actor,
    @Param('voucherId', voucherIdPipe) voucherId: string,
    @Body(new ZodValidationPipe(voucherNoteRequest)) body: VoucherNoteRequest,
  ) {
    const action = { kind: 'redemption', actor: toContractActor(actor), ...note(body) } as const;
    return voucherView(await this.vouchers.act(voucherId, action));
  }
}
