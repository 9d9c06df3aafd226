import { HttpException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  type Actor,
  isSupervisionRefusalType,
  type RecordSupervisionInput,
  supervisionRefusalHttpStatus,
  type SupervisionRecordView,
  TaskQueue,
} from '@govflow/contracts';
import type {
  supervisionReadWorkflow,
  supervisionRecordWorkflow,
} from '../../../../workflows/supervision/supervision.workflow';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import type { RecordSupervisionRequest } from './record-supervision/record-supervision.request';

// Recording takes milliseconds; this bounds how long an officer waits when market regulation is down.
const ANSWER_WITHIN = '30 seconds';

/** Market regulation's supervision records (R5.1), reached through short workflows. */
@Injectable()
export class Supervision {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  record(creditCode: string, request: RecordSupervisionRequest, by: Actor): Promise<SupervisionRecordView> {
    const idempotencyKey = randomUUID();
    const input: RecordSupervisionInput = { idempotencyKey, creditCode, ...request, by, at: new Date().toISOString() };
    return this.answer(() =>
      this.temporal.workflow.execute<typeof supervisionRecordWorkflow>('supervisionRecordWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId: `supervision-record-${idempotencyKey}`,
        workflowExecutionTimeout: ANSWER_WITHIN,
        args: [input],
      }),
    );
  }

  read(creditCode: string): Promise<SupervisionRecordView> {
    return this.answer(() =>
      this.temporal.workflow.execute<typeof supervisionReadWorkflow>('supervisionReadWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId: `supervision-read-${randomUUID()}`,
        workflowExecutionTimeout: ANSWER_WITHIN,
        args: [creditCode],
      }),
    );
  }

  private async answer(run: () => Promise<SupervisionRecordView>): Promise<SupervisionRecordView> {
    try {
      return await run();
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) throw new HttpException(refusal.message, supervisionRefusalHttpStatus[refusal.type]);
      throw error;
    }
  }
}

/** The market-regulation refusal under a failed workflow (workflow → activity → application failure). */
function refusalOf(error: unknown) {
  if (!(error instanceof WorkflowFailedError)) return undefined;
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    if (cause instanceof ApplicationFailure && isSupervisionRefusalType(cause.type)) {
      return { type: cause.type, message: cause.message };
    }
    cause = cause.cause;
  }
  return undefined;
}
