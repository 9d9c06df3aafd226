import { ForbiddenException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { type Actor, CaseKind, VoucherRefusalType } from '@govflow/contracts';
import { PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import { chinaIsoDate, voucherProgramme, voucherProgrammes } from '@govflow/policy';
import {
  VOUCHER_CLAIM_UPDATE_ID,
  type VoucherAction,
  voucherActionUpdate,
  voucherClaimUpdate,
  type VoucherStatus,
  voucherStatusQuery,
  voucherWorkflowId,
} from '../../../../workflows/voucher/definitions';
import type { voucherWorkflow } from '../../../../workflows/voucher/voucher.workflow';
import { UserStore } from '../auth/users/user-store';
import { FieldsRefused } from '../http/api-error';
import { caseSearchAttributes, CaseStarter, derivedCaseId } from '../temporal/case-start';
import { CaseWorkflows } from '../temporal/case-workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { refusedUpdate } from '../temporal/workflow-refusal';
import { mayReadScienceCases } from './maker-spaces.controller';
import type { VoucherActivityRequest, VoucherClaimRequest } from './voucher.request';

const refusalStatus: Record<string, [number, string | null]> = {
  [VoucherRefusalType.BudgetExhausted]: [HttpStatus.CONFLICT, null],
  [VoucherRefusalType.TooManyLiveVouchers]: [HttpStatus.CONFLICT, 'creditCode'],
  [VoucherRefusalType.NotALiveEnterprise]: [HttpStatus.CONFLICT, 'creditCode'],
  [VoucherRefusalType.NotEnterpriseOwner]: [HttpStatus.FORBIDDEN, 'creditCode'],
};
const refused = (status: number, field: string | null, message: string) =>
  new FieldsRefused(status, [{ field, message }]);

/** Innovation vouchers (科技创新券) through their workflows: claims, the firm's and the provider's steps, lists. */
@Injectable()
export class VoucherWorkflows {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
    private readonly cases: CaseWorkflows,
    private readonly starter: CaseStarter,
    private readonly users: UserStore,
  ) {}

  /** Answers once the amount is held against the year's budget: 409 naming the budget left when it is not. */
  async claim(claimant: Actor, request: VoucherClaimRequest, key?: string): Promise<{ voucherId: string }> {
    const now = new Date();
    const programmes = voucherProgrammes.at(now);
    const programme = voucherProgramme(programmes.value, request.programmeCode);
    if (!programme) throw refused(400, 'programmeCode', `没有编号为 ${request.programmeCode} 的创新券项目`);
    if (request.amount <= 0 || request.amount > programme.capPerVoucherFen) {
      throw refused(400, 'amount', `创新券金额须大于 0 且不超过 ${programme.capPerVoucherFen / 100} 元`);
    }
    const voucherId = key ? derivedCaseId('voucher', claimant.id, key) : randomUUID();
    const start = {
      workflowType: 'voucherWorkflow',
      workflowId: voucherWorkflowId(voucherId),
      args: [
        {
          voucherId,
          claimant,
          creditCode: request.creditCode,
          amountFen: request.amount,
          programme,
          programmeVersion: programmes.version,
          budgetYear: Number(chinaIsoDate(now).slice(0, 4)),
          timeScale: this.platform.timeScale,
        },
      ],
      searchAttributes: caseSearchAttributes(voucherId, CaseKind.Voucher, claimant.id, 'claimed'),
      request,
      idempotencyKey: key,
      requestNoun: 'claim',
    } as const;
    await this.starter.startWithUpdate<typeof voucherWorkflow>(
      start,
      voucherClaimUpdate,
      VOUCHER_CLAIM_UPDATE_ID,
      claimRefusal,
    );
    return { voucherId };
  }

  /** The voucher as `reader` may see it: its firm, its provider, the commission and finance; others 404 or 403. */
  async voucherFor(reader: Actor, voucherId: string): Promise<VoucherStatus> {
    const mayLook = reader.role === 'registrant' || reader.role === 'provider' || mayReadScienceCases(reader);
    if (!mayLook) throw new ForbiddenException('only the firm, its provider, the science commission and finance');
    const status = await this.voucher(voucherId);
    const party = status.claimantId === reader.id || status.activity?.providerId === reader.id;
    if (!party && !mayReadScienceCases(reader)) throw new NotFoundException(`no voucher ${voucherId}`);
    return status;
  }

  /** The firm names its provider by account: 422 naming providerId unless it is a service provider's. */
  async registerActivity(firm: Actor, voucherId: string, body: VoucherActivityRequest): Promise<VoucherStatus> {
    await this.voucherFor(firm, voucherId);
    const provider = await this.users.findByUsernameOrId(body.providerId);
    if (provider?.role !== 'provider') throw refused(422, 'providerId', `${body.providerId} 不是登记的服务机构`);
    const action = { kind: 'activity', actor: firm, providerId: provider.id, description: body.description } as const;
    return this.cases.update(voucherWorkflowId(voucherId), voucherActionUpdate, action);
  }

  /** The provider's steps: contract, delivery, redemption. */
  async act(voucherId: string, action: VoucherAction): Promise<VoucherStatus> {
    await this.voucherFor(action.actor, voucherId);
    return this.cases.update(voucherWorkflowId(voucherId), voucherActionUpdate, action);
  }

  /** The firm's own vouchers, or those naming the provider; newest first. */
  async vouchersOf(actor: Actor): Promise<VoucherStatus[]> {
    const mine = actor.role === 'registrant' ? ` AND ApplicantId = '${actor.id.replace(/['\\]/g, '')}'` : '';
    const found = await this.vouchersWhere(`CaseKind = '${CaseKind.Voucher}'${mine}`);
    const visible = actor.role === 'provider' ? found.filter((v) => v.activity?.providerId === actor.id) : found;
    return visible.sort((a, b) => b.claimedAt.localeCompare(a.claimedAt));
  }

  /** Paid vouchers (上网公示), newest first. */
  async published(): Promise<VoucherStatus[]> {
    const found = await this.vouchersWhere(`CaseKind = '${CaseKind.Voucher}' AND CaseStatus = 'paid'`);
    return found
      .filter((v) => v.payment && v.published)
      .sort((a, b) => b.payment!.paidAt.localeCompare(a.payment!.paidAt));
  }

  private async voucher(voucherId: string): Promise<VoucherStatus> {
    const handle = this.temporal.workflow.getHandle(voucherWorkflowId(voucherId));
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return (await handle.result()) as VoucherStatus;
      return await handle.query(voucherStatusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`no voucher ${voucherId}`);
      throw error;
    }
  }

  private async vouchersWhere(query: string): Promise<VoucherStatus[]> {
    const found: VoucherStatus[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) {
      const id = execution.workflowId.replace(/^voucher-/, '');
      const status = await this.voucher(id).catch(() => undefined);
      if (status) found.push(status);
    }
    return found;
  }
}

function claimRefusal(error: unknown): FieldsRefused | undefined {
  const cause = refusedUpdate(error, refusalStatus);
  if (!cause) return undefined;
  const [status, field] = refusalStatus[cause.type]!;
  return new FieldsRefused(status, [{ field, message: cause.message, code: cause.type }]);
}
