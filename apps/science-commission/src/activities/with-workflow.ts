import { Context } from '@temporalio/activity';
import type { EventMetadata } from '@govflow/messaging';

/** The metadata with the workflow execution that recorded it, when called from an activity. */
export function withWorkflow(fields: Omit<EventMetadata, 'workflow'>): EventMetadata {
  const execution = Context.current().info.workflowExecution;
  return execution ? { ...fields, workflow: { workflowId: execution.workflowId, runId: execution.runId } } : fields;
}
