import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { type Actor, CaseKind, CaseSearchAttribute, type DeregistrationRefusalDetails } from '@govflow/contracts';
import { PLATFORM_OPTIONS, type PlatformOptions } from '@govflow/platform';
import { simplifiedDeregistrationPolicies } from '@govflow/policy';
import type { deregistrationWorkflow } from '../../../../workflows/deregistration/deregistration.workflow';
import {
  APPLICATION_UPDATE_ID,
  applicationUpdate,
  confirmationUpdate,
  type DeregistrationStatus,
  deregistrationStatusQuery,
  deregistrationWorkflowId,
  objectionUpdate,
} from '../../../../workflows/deregistration/definitions';
import { FieldsRefused } from '../http/api-error';
import { caseSearchAttributes, CaseStarter, derivedCaseId } from '../temporal/case-start';
import { CaseWorkflows } from '../temporal/case-workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { refusedUpdate } from '../temporal/workflow-refusal';
import type { DeregistrationRequest, ObjectionBody } from './deregistration.request';

const SAFE_ID = /^[\w-]{1,200}$/;

const refusalStatus: Record<string, number> = {
  NotEligible: HttpStatus.CONFLICT,
  CommitmentsMismatch: HttpStatus.BAD_REQUEST,
  EnterpriseNotFound: HttpStatus.NOT_FOUND,
  NotEnterpriseOwner: HttpStatus.FORBIDDEN,
};

/** The deregistration workflows: started by the owner's application, read, confirmed and objected to. */
@Injectable()
export class DeregistrationWorkflows {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
    private readonly cases: CaseWorkflows,
    private readonly starter: CaseStarter,
  ) {}

  /**
   * Starts the case with the application Update; answers once market regulation accepted it, or throws its refusal.
   * Under an Idempotency-Key the case id is derived from the applicant and key: a repeat answers the same case, and a
   * different application under the same key is a 409.
   */
  async apply(
    applicant: Actor,
    application: DeregistrationRequest,
    idempotencyKey?: string,
  ): Promise<{ caseId: string }> {
    const caseId = idempotencyKey ? derivedCaseId('deregistration', applicant.id, idempotencyKey) : randomUUID();
    const { version, value } = simplifiedDeregistrationPolicies.at(new Date());
    const start = {
      workflowType: 'deregistrationWorkflow',
      workflowId: deregistrationWorkflowId(caseId),
      // The case keeps the policy in force on the day it was filed, and the clock it was filed on.
      args: [{ caseId, applicant, application, policy: { version, ...value }, timeScale: this.platform.timeScale }],
      searchAttributes: caseSearchAttributes(caseId, CaseKind.Deregistration, applicant.id, 'applied'),
      request: application,
      idempotencyKey,
      requestNoun: 'application',
    } as const;
    await this.starter.startWithUpdate<typeof deregistrationWorkflow>(
      start,
      applicationUpdate,
      APPLICATION_UPDATE_ID,
      applicationRefusal,
    );
    return { caseId };
  }

  async status(caseId: string): Promise<DeregistrationStatus> {
    const handle = this.temporal.workflow.getHandle(deregistrationWorkflowId(caseId));
    try {
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return (await handle.result()) as DeregistrationStatus;
      return await handle.query(deregistrationStatusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`no deregistration ${caseId}`);
      throw error;
    }
  }

  confirm(caseId: string, actor: Actor, extend: boolean): Promise<DeregistrationStatus> {
    const request = { actor, ...(extend && { extend }) };
    return this.cases.update(deregistrationWorkflowId(caseId), confirmationUpdate, request);
  }

  object(caseId: string, actor: Actor, name: string, { reason, contact }: ObjectionBody) {
    return this.cases.update(deregistrationWorkflowId(caseId), objectionUpdate, { actor, name, reason, contact });
  }

  /** The announcements running now (public): Temporal's visibility lists the cases, each answers its window. */
  async announcing(): Promise<DeregistrationStatus[]> {
    const query = `CaseKind = '${CaseKind.Deregistration}' AND CaseStatus = 'announcing' AND ExecutionStatus = 'Running'`;
    const found: DeregistrationStatus[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) {
      const status = await this.temporal.workflow
        .getHandle(execution.workflowId)
        .query(deregistrationStatusQuery)
        .catch(() => undefined);
      if (status?.announcement?.open) found.push(status);
    }
    return found;
  }

  /** The applicant's own deregistrations, newest first: visibility finds them, each answers its status. */
  async ofApplicant(applicantId: string): Promise<DeregistrationStatus[]> {
    if (!SAFE_ID.test(applicantId)) return [];
    const { CaseKind: Kind, ApplicantId } = CaseSearchAttribute;
    const query = `${Kind.name} = '${CaseKind.Deregistration}' AND ${ApplicantId.name} = '${applicantId}'`;
    const caseIds: string[] = [];
    for await (const execution of this.temporal.workflow.list({ query })) {
      const caseId = execution.typedSearchAttributes.get(CaseSearchAttribute.CaseId);
      if (caseId && !caseIds.includes(caseId)) caseIds.push(caseId);
    }
    const found = await Promise.all(caseIds.map((caseId) => this.status(caseId).catch(() => undefined)));
    return found
      .filter((status): status is DeregistrationStatus => status !== undefined)
      .sort((a, b) => (b.steps[0]?.at ?? '').localeCompare(a.steps[0]?.at ?? ''));
  }
}

function applicationRefusal(error: unknown): FieldsRefused | undefined {
  const cause = refusedUpdate(error, refusalStatus);
  if (!cause) return undefined;
  const [details] = (cause.details ?? []) as (DeregistrationRefusalDetails | undefined)[];
  const reasons = details?.reasons ?? [{ message: cause.message }];
  const fallback = cause.type === 'CommitmentsMismatch' ? 'commitments' : null;
  const errors = reasons.map((r) => ({
    field: 'field' in r && r.field ? r.field : fallback,
    message: r.message,
    ...('code' in r && r.code ? { code: r.code } : {}),
  }));
  return new FieldsRefused(refusalStatus[cause.type]!, errors);
}
