import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { type Actor, isTaxRefusalType, TaskQueue, type TaxRecordView } from '@govflow/contracts';
import type { taxClearanceWorkflow, taxPendingMatterWorkflow } from '../../../../workflows/tax/tax-officer.workflow';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import type { ClearanceRequest, PendingMatterRequest } from './tax-record.requests';

const ANSWER_WITHIN = '30 seconds';

/** A tax officer's decisions on a taxpayer's record (R3.3), recorded by the tax service through short workflows. */
@Injectable()
export class TaxRecords {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  recordPendingMatter(taxpayerId: string, request: PendingMatterRequest, by: Actor): Promise<TaxRecordView> {
    const idempotencyKey = randomUUID();
    return this.answer(() =>
      this.temporal.workflow.execute<typeof taxPendingMatterWorkflow>('taxPendingMatterWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId: `tax-pending-matter-${idempotencyKey}`,
        workflowExecutionTimeout: ANSWER_WITHIN,
        args: [{ idempotencyKey, taxpayerId, ...request, by, at: new Date().toISOString() }],
      }),
    );
  }

  recordClearance(taxpayerId: string, { reason }: ClearanceRequest, by: Actor): Promise<TaxRecordView> {
    const idempotencyKey = randomUUID();
    return this.answer(() =>
      this.temporal.workflow.execute<typeof taxClearanceWorkflow>('taxClearanceWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId: `tax-clearance-${idempotencyKey}`,
        workflowExecutionTimeout: ANSWER_WITHIN,
        args: [{ idempotencyKey, taxpayerId, reason, by, at: new Date().toISOString() }],
      }),
    );
  }

  private async answer(run: () => Promise<TaxRecordView>): Promise<TaxRecordView> {
    try {
      return await run();
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) throw new HttpException(refusal, HttpStatus.NOT_FOUND);
      throw error;
    }
  }
}

function refusalOf(error: unknown): string | undefined {
  if (!(error instanceof WorkflowFailedError)) return undefined;
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure && isTaxRefusalType(cause.type)) return cause.message;
  }
  return undefined;
}
