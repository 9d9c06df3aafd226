import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { type Actor, CaseKind, GrantRefusalType, TaskQueue } from '@govflow/contracts';
import { PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import {
  clawbackPolicies,
  computeClawback,
  grantProgramme,
  grantProgrammes,
  makerSpaceCriteria,
  makerSpaceGrantPolicies,
  recognitionGrantFen,
  recognitionProgramme,
} from '@govflow/policy';
import type { grantClawbackWorkflow } from '../../../../workflows/grant/clawback.workflow';
import { type ClawbackStatus, clawbackStatusQuery } from '../../../../workflows/grant/clawback.definitions';
import type { grantWorkflow } from '../../../../workflows/grant/grant.workflow';
import {
  GRANT_APPLICATION_UPDATE_ID,
  grantApplicationUpdate,
  grantObjectionUpdate,
  type GrantStatus,
  grantStatusQuery,
  grantWorkflowId,
} from '../../../../workflows/grant/definitions';
import type { makerSpaceRecognitionWorkflow } from '../../../../workflows/maker-space/maker-space.workflow';
import {
  type MakerSpaceStatus,
  makerSpaceStatusQuery,
  makerSpaceWorkflowId,
} from '../../../../workflows/maker-space/definitions';
import { FieldsRefused } from '../http/api-error';
import { caseSearchAttributes, CaseStarter, derivedCaseId } from '../temporal/case-start';
import { CaseWorkflows } from '../temporal/case-workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { refusedUpdate } from '../temporal/workflow-refusal';
import type { ClawbackBody, GrantObjectionBody, GrantRequest, MakerSpaceRequest } from './science.request';

const grantRefusalStatus: Record<string, number> = {
  [GrantRefusalType.AlreadyFunded]: HttpStatus.CONFLICT,
  [GrantRefusalType.BudgetExhausted]: HttpStatus.CONFLICT,
  [GrantRefusalType.NotALiveEnterprise]: HttpStatus.CONFLICT,
  [GrantRefusalType.NotEnterpriseOwner]: HttpStatus.FORBIDDEN,
};
const clawbackWorkflowId = (clawbackId: string) => `clawback-${clawbackId}`;

/** The science commission's cases (maker-space recognition, grants, clawbacks) through their workflows. */
@Injectable()
export class ScienceWorkflows {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
    private readonly cases: CaseWorkflows,
    private readonly starter: CaseStarter,
  ) {}

  /** Starts recognition under the policy in force today; the level's one-off grant case id is chosen now too. */
  async applyForRecognition(applicant: Actor, request: MakerSpaceRequest, key?: string): Promise<{ caseId: string }> {
    const caseId = key ? derivedCaseId('maker-space', applicant.id, key) : randomUUID();
    const now = new Date();
    const criteria = makerSpaceCriteria.at(now);
    const programmes = grantProgrammes.at(now);
    const programme = recognitionProgramme(programmes.value, request.level);
    const amountFen = recognitionGrantFen(makerSpaceGrantPolicies.at(now).value, request.level);
    const grant = { caseId: randomUUID(), programme, programmeVersion: programmes.version, amountFen };
    await this.starter.start<typeof makerSpaceRecognitionWorkflow>({
      workflowType: 'makerSpaceRecognitionWorkflow',
      workflowId: makerSpaceWorkflowId(caseId),
      args: [
        {
          caseId,
          applicant,
          ...request,
          criteria: { version: criteria.version, value: criteria.value },
          reviewPeriod: programme.reviewPeriod,
          grant,
          timeScale: this.platform.timeScale,
        },
      ],
      searchAttributes: caseSearchAttributes(caseId, CaseKind.MakerSpaceRecognition, applicant.id, 'applied'),
      request,
      idempotencyKey: key,
      requestNoun: 'application',
    });
    return { caseId };
  }

  recognition(caseId: string): Promise<MakerSpaceStatus> {
    return this.statusOf(makerSpaceWorkflowId(caseId), makerSpaceStatusQuery, `no maker-space case ${caseId}`);
  }

  /** Starts the grant and answers once eligibility is decided: 409 when already funded or out of budget. */
  async applyForGrant(applicant: Actor, request: GrantRequest, key?: string): Promise<{ caseId: string }> {
    const now = new Date();
    const programmes = grantProgrammes.at(now);
    const programme = grantProgramme(programmes.value, request.programmeCode);
    if (!programme) throw refused(400, 'programmeCode', `没有编号为 ${request.programmeCode} 的资金支持项目`);
    if (!programme.openToApplication) {
      throw refused(400, 'programmeCode', '该项目由众创空间认定后自动发起，不接受申请');
    }
    let amountFen: number;
    if (programme.amountRule.kind === 'requested-up-to') {
      if (request.requestedAmount === undefined) throw refused(400, 'requestedAmount', '须填写申请金额');
      if (request.requestedAmount <= 0 || request.requestedAmount > programme.amountRule.maxFen) {
        throw refused(400, 'requestedAmount', `申请金额须大于 0 且不超过 ${programme.amountRule.maxFen / 100} 元`);
      }
      amountFen = request.requestedAmount;
    } else {
      amountFen = recognitionGrantFen(makerSpaceGrantPolicies.at(now).value, programme.amountRule.level);
    }
    const caseId = key ? derivedCaseId('grant', applicant.id, key) : randomUUID();
    await this.starter.startWithUpdate<typeof grantWorkflow>(
      {
        workflowType: 'grantWorkflow',
        workflowId: grantWorkflowId(caseId),
        args: [
          {
            caseId,
            applicant,
            creditCode: request.creditCode,
            enterpriseName: '', // the science commission knows it; shown from the applied fact
            amountFen,
            programme,
            programmeVersion: programmes.version,
            timeScale: this.platform.timeScale,
            ...(request.details && { details: request.details }),
          },
        ],
        searchAttributes: caseSearchAttributes(caseId, CaseKind.Grant, applicant.id, 'applied'),
        request,
        idempotencyKey: key,
        requestNoun: 'application',
      },
      grantApplicationUpdate,
      GRANT_APPLICATION_UPDATE_ID,
      grantRefusal,
    );
    return { caseId };
  }

  grant(caseId: string): Promise<GrantStatus> {
    return this.statusOf(grantWorkflowId(caseId), grantStatusQuery, `no grant ${caseId}`);
  }

  /** An applicant's recognition cases, newest first (我的办件). */
  async recognitionsOf(applicantId: string): Promise<MakerSpaceStatus[]> {
    const query = `CaseKind = '${CaseKind.MakerSpaceRecognition}' AND ApplicantId = '${quoted(applicantId)}'`;
    const found: MakerSpaceStatus[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) {
      const status = await this.statusOf(execution.workflowId, makerSpaceStatusQuery, '').catch(() => undefined);
      if (status) found.push(status);
    }
    return found;
  }

  /** An applicant's grants, the recognition's one-off grant included (我的办件). */
  grantsOf(applicantId: string): Promise<GrantStatus[]> {
    return this.grantsWhere(`ApplicantId = '${quoted(applicantId)}'`);
  }

  /** Grants whose 公示 runs now (public). */
  async onNotice(): Promise<GrantStatus[]> {
    const found = await this.grantsWhere(`CaseStatus = 'on-public-notice' AND ExecutionStatus = 'Running'`);
    return found.filter((status) => status.notice?.open);
  }

  /** Paid grants (上网公示), newest first. */
  async published(): Promise<GrantStatus[]> {
    const found = await this.grantsWhere(`CaseStatus = 'paid'`);
    return found
      .filter((s) => s.payment && s.published)
      .sort((a, b) => b.payment!.paidAt.localeCompare(a.payment!.paidAt));
  }

  object(caseId: string, actor: Actor, realName: string, body: GrantObjectionBody) {
    const { reason, evidence, anonymous } = body;
    const request = { actor, realName, reason, ...(evidence && { evidence }), ...(anonymous && { anonymous }) };
    return this.cases.update(grantWorkflowId(caseId), grantObjectionUpdate, request);
  }

  /** Opens a clawback of a paid grant: 409 unless paid, 400 naming `rate` outside its ground's range. */
  async clawBack(caseId: string, openedBy: Actor, body: ClawbackBody): Promise<ClawbackStatus> {
    const grant = await this.grant(caseId);
    if (grant.status !== 'paid') throw refused(409, null, '只能收回已拨付的资金');
    const policy = clawbackPolicies.at(new Date());
    const computed = computeClawback(policy.value, body.ground, grant.amountFen, body.rate);
    if (!computed.ok) throw refused(400, 'rate', computed.message);
    const clawbackId = randomUUID();
    const handle = await this.temporal.workflow.start<typeof grantClawbackWorkflow>('grantClawbackWorkflow', {
      taskQueue: TaskQueue.Orchestrator,
      workflowId: clawbackWorkflowId(clawbackId),
      args: [
        {
          clawbackId,
          grantCaseId: caseId,
          creditCode: grant.creditCode,
          enterpriseName: grant.enterpriseName,
          grantFen: grant.amountFen,
          ground: body.ground,
          rateBasisPoints: body.rate,
          reason: body.reason,
          openedBy,
          policy: { version: policy.version, value: policy.value },
          confirmationPeriod: grantProgrammeReviewPeriod(grant),
          timeScale: this.platform.timeScale,
        },
      ],
      typedSearchAttributes: caseSearchAttributes(caseId, CaseKind.GrantClawback, openedBy.id, 'awaiting-confirmation'),
    });
    return handle.query(clawbackStatusQuery);
  }

  /** The clawbacks of a grant, from Temporal's visibility. */
  async clawbacks(caseId: string): Promise<ClawbackStatus[]> {
    const query = `CaseKind = '${CaseKind.GrantClawback}' AND CaseId = '${caseId}'`;
    const found: ClawbackStatus[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) {
      const status = await this.statusOf(execution.workflowId, clawbackStatusQuery, '').catch(() => undefined);
      if (status) found.push(status);
    }
    return found;
  }

  private async grantsWhere(condition: string): Promise<GrantStatus[]> {
    const query = `CaseKind = '${CaseKind.Grant}' AND ${condition}`;
    const found: GrantStatus[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) {
      const status = await this.statusOf(execution.workflowId, grantStatusQuery, '').catch(() => undefined);
      if (status) found.push(status);
    }
    return found;
  }

  private async statusOf<T>(workflowId: string, query: QueryDefinition<T>, missing: string): Promise<T> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return (await handle.result()) as T;
      return await handle.query(query);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(missing);
      throw error;
    }
  }
}

const grantProgrammeReviewPeriod = (grant: GrantStatus) =>
  grantProgramme(grantProgrammes.byVersion(grant.programmeVersion).value, grant.programmeCode)?.reviewPeriod ?? {
    workingDays: 5,
  };

const quoted = (value: string) => value.replace(/['\\]/g, '');

const refused = (status: number, field: string | null, message: string) =>
  new FieldsRefused(status, [{ field, message }]);

function grantRefusal(error: unknown): FieldsRefused | undefined {
  const cause = refusedUpdate(error, grantRefusalStatus);
  if (!cause) return undefined;
  const field =
    cause.type === GrantRefusalType.AlreadyFunded || cause.type === GrantRefusalType.BudgetExhausted
      ? null
      : 'creditCode';
  return new FieldsRefused(grantRefusalStatus[cause.type]!, [{ field, message: cause.message, code: cause.type }]);
}
