import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { type Actor, CaseKind, type Department } from '@govflow/contracts';
import { PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import { permitCatalogues } from '@govflow/policy';
import type { permitWorkflow } from '../../../../workflows/permit/permit.workflow';
import {
  APPLICATION_UPDATE_ID,
  applicationUpdate,
  type PermitStatus,
  permitStatusQuery,
  permitWorkflowId,
  renewalUpdate,
  supplyMaterialsUpdate,
} from '../../../../workflows/permit/definitions';
import { FieldsRefused } from '../http/api-error';
import { caseSearchAttributes, CaseStarter, derivedCaseId } from '../temporal/case-start';
import { CaseWorkflows } from '../temporal/case-workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { refusedUpdate } from '../temporal/workflow-refusal';
import type { EnterpriseEntry } from './enterprise-directory.store';
import type { PermitRequest } from './permit.request';

const refusalStatus: Record<string, number> = {
  PermitCaseOpen: HttpStatus.CONFLICT,
  CoveredByOtherPermit: HttpStatus.CONFLICT,
  CommitmentRouteClosed: HttpStatus.CONFLICT,
};
const refusalField: Record<string, string> = {
  PermitCaseOpen: 'permitCode',
  CoveredByOtherPermit: 'permitCode',
  CommitmentRouteClosed: 'route',
};

/** The permit workflows: one per permit case, started by the enterprise's application, read and answered. */
@Injectable()
export class PermitWorkflows {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
    private readonly cases: CaseWorkflows,
    private readonly starter: CaseStarter,
  ) {}

  /**
   * Opens the case under the catalogue in force today (the case keeps it), with the application Update: answers once
   * the authority recorded it, or throws why not (an open case, a covering permit, the credit record).
   */
  async apply(
    applicant: Actor,
    enterprise: EnterpriseEntry,
    request: PermitRequest,
    idempotencyKey?: string,
  ): Promise<{ permitCaseId: string }> {
    const catalogue = permitCatalogues.at(new Date());
    const entry = catalogue.value.find((e) => e.code === request.permitCode);
    if (!entry?.procedure)
      throw new FieldsRefused(HttpStatus.BAD_REQUEST, [
        { field: 'permitCode', message: `目录（${catalogue.version}）中没有许可事项 ${request.permitCode}` },
      ]);
    const { procedure } = entry;
    if (!procedure.routes.includes(request.route))
      throw new FieldsRefused(HttpStatus.CONFLICT, [
        {
          field: 'route',
          code: 'RouteNotOffered',
          message: `${entry.nameZh}可选办理方式：${procedure.routes.join('、')}`,
        },
      ]);
    if (request.route === 'commitment' && request.commitment?.conditionsVersion !== procedure.conditions?.version)
      throw new FieldsRefused(HttpStatus.BAD_REQUEST, [
        {
          field: 'commitment.conditionsVersion',
          message: `告知承诺书条件已更新为 ${procedure.conditions?.version ?? '—'}，请阅读后重新承诺`,
        },
      ]);
    const permitCaseId = idempotencyKey ? derivedCaseId('permit', applicant.id, idempotencyKey) : randomUUID();
    const now = new Date().toISOString();
    const item = {
      code: entry.code,
      nameZh: entry.nameZh,
      authority: entry.authority as Department,
      kind: entry.kind,
      catalogueVersion: catalogue.version,
      procedure,
    };
    const start = {
      workflowType: 'permitWorkflow',
      workflowId: permitWorkflowId(permitCaseId),
      args: [
        {
          caseId: permitCaseId,
          applicant,
          enterprise: { creditCode: enterprise.creditCode, name: enterprise.name },
          item,
          route: request.route,
          materials: request.materials,
          ...(request.commitment && {
            commitment: { conditionsVersion: request.commitment.conditionsVersion, signedAt: now },
          }),
          timeScale: this.platform.timeScale,
        },
      ],
      searchAttributes: caseSearchAttributes(permitCaseId, CaseKind.Permit, applicant.id, 'applied'),
      request,
      idempotencyKey,
      requestNoun: 'application',
    } as const;
    await this.starter.startWithUpdate<typeof permitWorkflow>(
      start,
      applicationUpdate,
      APPLICATION_UPDATE_ID,
      applicationRefusal,
    );
    return { permitCaseId };
  }

  async status(permitCaseId: string): Promise<PermitStatus> {
    const handle = this.temporal.workflow.getHandle(permitWorkflowId(permitCaseId));
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return (await handle.result()) as PermitStatus;
      return await handle.query(permitStatusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`no permit case ${permitCaseId}`);
      throw error;
    }
  }

  supplyMaterials(permitCaseId: string, actor: Actor, materials: Record<string, string>): Promise<PermitStatus> {
    return this.cases.update(permitWorkflowId(permitCaseId), supplyMaterialsUpdate, { actor, materials });
  }

  renew(permitCaseId: string, actor: Actor): Promise<PermitStatus> {
    return this.cases.update(permitWorkflowId(permitCaseId), renewalUpdate, { actor });
  }
}

function applicationRefusal(error: unknown): FieldsRefused | undefined {
  const cause = refusedUpdate(error, refusalStatus);
  if (!cause) return undefined;
  const field = refusalField[cause.type] ?? null;
  return new FieldsRefused(refusalStatus[cause.type]!, [{ field, code: cause.type, message: cause.message }]);
}
