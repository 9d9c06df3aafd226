import { randomUUID } from 'node:crypto';
import {
  type Connection,
  isGrpcServiceError,
  type WorkflowClientInterceptor,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const DEADLINE_EXCEEDED = 4; // gRPC status code
const completed =
  temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;

/**
 * The Java time-skipping test server now and then leaves an update unanswered (temporalio/sdk-java#1903,
 * temporalio/sdk-python#826): CI once waited out a whole test on one. An update here gets its id up front and a
 * deadline per attempt that covers the wait for its outcome too, and is asked again under that same id, which the
 * server answers with the update it already has, never a second run (`update-watchdog.int-spec.ts` proves both).
 * Each re-ask is printed, and an update never answered still fails, after `attempts`, naming itself.
 */
export function updateWatchdog(
  connection: Connection,
  namespace: string,
  { answerWithinMs = 20_000, attempts = 3 }: { answerWithinMs?: number; attempts?: number } = {},
): WorkflowClientInterceptor {
  return {
    async startUpdate(input, next) {
      const updateId = input.options.updateId ?? randomUUID();
      const asked = { ...input, options: { ...input.options, updateId } };
      const waitsForOutcome =
        (input as { waitForStage?: WorkflowUpdateStage }).waitForStage === WorkflowUpdateStage.COMPLETED;
      const what = `update ${input.updateName} (${updateId}) of ${input.workflowExecution.workflowId}`;
      for (let attempt = 1; ; attempt++) {
        try {
          return await connection.withDeadline(Date.now() + answerWithinMs, async () => {
            const output = await next(asked);
            if (output.outcome || !waitsForOutcome) return output;
            const workflowExecution = { workflowId: input.workflowExecution.workflowId, runId: output.workflowRunId };
            for (;;) {
              const { outcome } = await connection.workflowService.pollWorkflowExecutionUpdate({
                namespace,
                updateRef: { workflowExecution, updateId },
                waitPolicy: { lifecycleStage: completed },
              });
              if (outcome) return { ...output, outcome };
            }
          });
        } catch (error) {
          const late =
            error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
            (isGrpcServiceError(error) && Number(error.code) === DEADLINE_EXCEEDED);
          if (!late) throw error;
          if (attempt >= attempts) throw new Error(`the test server left ${what} unanswered ${attempts} times`);
          console.warn(`the test server left ${what} unanswered for ${answerWithinMs} ms; asking again`);
        }
      }
    },
  };
}
