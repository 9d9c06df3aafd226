import { z } from 'zod';
import type { TaskState } from '@govflow/contracts';
import { taskDueView, toTaskDueView } from './task-due';
import { reviewNameCheckView } from './review-name-checks';

export const inboxTaskView = z.object({
  taskId: z.string(),
  caseId: z.string(),
  kind: z.string().describe('e.g. registration-review'),
  assignee: z.string().nullable().describe('the user id of the officer holding the claim, or null'),
  assigneeUsername: z.string().nullable().optional().describe('the username of that officer'),
  ...taskDueView.shape,
  escalated: z.boolean(),
  status: z.enum(['open', 'decided', 'lapsed']),
  nameCheck: reviewNameCheckView.optional().describe('on open registration reviews: the name as it stands now (R1.3)'),
});
export type InboxTaskView = z.infer<typeof inboxTaskView>;

export const taskStateView = inboxTaskView.extend({
  decision: z
    .object({
      outcome: z.enum(['approve', 'reject', 'request-info']),
      reason: z.string().optional(),
      decidedBy: z.string().describe('user id'),
      decidedAt: z.iso.datetime(),
      confirms: z.array(z.string()).optional().describe('facts the officer confirmed, e.g. investment-link:<code>'),
    })
    .optional(),
});
export type TaskStateView = z.infer<typeof taskStateView>;

/** The task as its workflow answered an Update, in the inbox's shape plus the decision once there is one. */
export function toTaskStateView(task: TaskState): TaskStateView {
  const { taskId, caseId, kind, assignee, escalated, status, decision } = task;
  return {
    taskId,
    caseId,
    kind,
    assignee: assignee?.id ?? null,
    ...toTaskDueView(task),
    escalated,
    status,
    ...(decision && {
      decision: {
        outcome: decision.outcome,
        ...(decision.reason === undefined ? {} : { reason: decision.reason }),
        decidedBy: decision.decidedBy.id,
        decidedAt: decision.decidedAt,
        ...(decision.confirms && { confirms: decision.confirms }),
      },
    }),
  };
}
