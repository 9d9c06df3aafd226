import { Context } from '@temporalio/activity';
import type { EventMetadata } from '@govflow/messaging';

/** The event metadata of an activity's effect, naming the workflow run that asked for it. */
export function activityMetadata(fields: Omit<EventMetadata, 'workflow'>): EventMetadata {
  const execution = Context.current().info.workflowExecution;
  if (!execution) return fields;
  return { ...fields, workflow: { workflowId: execution.workflowId, runId: execution.runId } };
}

/** A reason worth recording: blank notes are left out rather than stored as an empty reason. */
export const reasonIfAny = (text: string | undefined): { reason?: string } =>
  text && text.trim() !== '' ? { reason: text } : {};
