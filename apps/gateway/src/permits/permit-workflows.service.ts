import { ConflictException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { type Actor, CaseKind, CaseSearchAttribute, type Department, TaskQueue } from '@govflow/contracts';
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
import { requestFingerprint } from '../registrations/submit-registration/idempotency-key';
import { CaseWorkflows } from '../temporal/case-workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
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
    const permitCaseId = idempotencyKey ? derivedCaseId(applicant.id, idempotencyKey) : randomUUID();
    const fingerprint = requestFingerprint(request);
    const workflowId = permitWorkflowId(permitCaseId);
    const now = new Date().toISOString();
    const item = {
      code: entry.code,
      nameZh: entry.nameZh,
      authority: entry.authority as Department,
      kind: entry.kind,
      catalogueVersion: catalogue.version,
      procedure,
    };
    const start = new WithStartWorkflowOperation<typeof permitWorkflow>('permitWorkflow', {
      taskQueue: TaskQueue.Orchestrator,
      workflowId,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
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
      memo: { fingerprint },
      typedSearchAttributes: [
        { key: CaseSearchAttribute.CaseId, value: permitCaseId },
        { key: CaseSearchAttribute.CaseKind, value: CaseKind.Permit },
        { key: CaseSearchAttribute.ApplicantId, value: applicant.id },
        { key: CaseSearchAttribute.CaseStatus, value: 'applied' },
      ],
    });
    try {
      await this.temporal.workflow.executeUpdateWithStart(applicationUpdate, {
        updateId: APPLICATION_UPDATE_ID,
        startWorkflowOperation: start,
      });
    } catch (error) {
      const refusal = applicationRefusal(error);
      if (!refusal) throw error;
      await this.assertSameRequest(workflowId, fingerprint, idempotencyKey);
      throw refusal;
    }
    await this.assertSameRequest(workflowId, fingerprint, idempotencyKey);
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

  private async assertSameRequest(workflowId: string, fingerprint: string, key: string | undefined): Promise<void> {
    if (!key) return;
    const { memo } = await this.temporal.workflow.getHandle(workflowId).describe();
    if (memo?.fingerprint !== fingerprint) {
      throw new ConflictException(`Idempotency-Key ${key} was already used for a different application; use a new key`);
    }
  }
}

/** A UUID from the applicant and their key, so a repeat finds the same case (and two applicants never collide). */
function derivedCaseId(applicantId: string, key: string): string {
  const hex = createHash('sha256').update(`permit|${applicantId}|${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function applicationRefusal(error: unknown): FieldsRefused | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !cause.type || !(cause.type in refusalStatus)) return undefined;
  const field = refusalField[cause.type] ?? null;
  return new FieldsRefused(refusalStatus[cause.type]!, [{ field, code: cause.type, message: cause.message }]);
}
