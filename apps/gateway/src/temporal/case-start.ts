import { ConflictException, type HttpException, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Client, WithStartWorkflowOperation, type WorkflowStartOptions } from '@temporalio/client';
import {
  type UpdateDefinition,
  type Workflow,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
} from '@temporalio/common';
import { type CaseKind, CaseSearchAttribute, TaskQueue } from '@govflow/contracts';
import { requestFingerprint } from '../registrations/submit-registration/idempotency-key';
import { TEMPORAL_CLIENT } from './temporal-client.token';

/** A UUID from the kind, the applicant and their Idempotency-Key, so a repeat finds the same case (and two applicants never collide). */
export function derivedCaseId(kind: string, applicantId: string, key: string): string {
  const hex = createHash('sha256').update(`${kind}|${applicantId}|${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The search attributes a case starts with: its id, kind, applicant and first status. */
export function caseSearchAttributes(caseId: string, kind: CaseKind, applicantId: string, status: string) {
  return [
    { key: CaseSearchAttribute.CaseId, value: caseId },
    { key: CaseSearchAttribute.CaseKind, value: kind },
    { key: CaseSearchAttribute.ApplicantId, value: applicantId },
    { key: CaseSearchAttribute.CaseStatus, value: status },
  ];
}

/** A case to start on the orchestrator's queue, once per workflow id. */
export interface CaseStart<W extends Workflow> {
  workflowType: string;
  workflowId: string;
  args: Parameters<W> | Readonly<Parameters<W>>;
  searchAttributes: ReturnType<typeof caseSearchAttributes>;
  /** The parsed body: its fingerprint is kept in the memo, so the same key with another body is a 409. */
  request: unknown;
  idempotencyKey: string | undefined;
  /** What the 409 calls the request. */
  requestNoun: 'application' | 'claim';
}

/** Starts cases the same way everywhere: idempotent under an Idempotency-Key, refusals as the HTTP errors they mean. */
@Injectable()
export class CaseStarter {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /**
   * Starts the case with its first Update (a repeat attaches to the running case) and answers once the Update is
   * accepted; a failure `refusalOf` knows is thrown as its HTTP error, after the key is checked, anything else as it came.
   */
  async startWithUpdate<W extends Workflow>(
    start: CaseStart<W>,
    update: UpdateDefinition<unknown, []>,
    updateId: string,
    refusalOf: (error: unknown) => HttpException | undefined,
  ): Promise<void> {
    const fingerprint = requestFingerprint(start.request);
    const startWorkflowOperation = new WithStartWorkflowOperation(start.workflowType, {
      ...this.options(start, fingerprint),
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    try {
      await this.temporal.workflow.executeUpdateWithStart(update, { updateId, startWorkflowOperation });
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      await this.assertSameRequest(start, fingerprint);
      throw refusal;
    }
    await this.assertSameRequest(start, fingerprint);
  }

  /** Starts the case without waiting on it; under an Idempotency-Key a repeat finds it already started. */
  async start<W extends Workflow>(start: CaseStart<W>): Promise<void> {
    const fingerprint = requestFingerprint(start.request);
    try {
      await this.temporal.workflow.start(start.workflowType, this.options(start, fingerprint));
    } catch (error) {
      if (!start.idempotencyKey || !isAlreadyStarted(error)) throw error;
    }
    await this.assertSameRequest(start, fingerprint);
  }

  // Untyped inside: the caller's workflow type checked the args already.
  private options(start: CaseStart<Workflow>, fingerprint: string): WorkflowStartOptions {
    return {
      taskQueue: TaskQueue.Orchestrator,
      workflowId: start.workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: start.args,
      memo: { fingerprint },
      typedSearchAttributes: start.searchAttributes,
    };
  }

  private async assertSameRequest(
    { workflowId, idempotencyKey, requestNoun }: CaseStart<Workflow>,
    fingerprint: string,
  ) {
    if (!idempotencyKey) return;
    const { memo } = await this.temporal.workflow.getHandle(workflowId).describe();
    if (memo?.fingerprint !== fingerprint) {
      throw new ConflictException(
        `Idempotency-Key ${idempotencyKey} was already used for a different ${requestNoun}; use a new key`,
      );
    }
  }
}

function isAlreadyStarted(error: unknown): boolean {
  return error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError';
}
