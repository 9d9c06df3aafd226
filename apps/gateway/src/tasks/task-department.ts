import type { Actor } from '@govflow/auth';
import type { TaskState } from '@govflow/contracts';

/**
 * Whether the actor belongs to a group that may act on the task: its candidate group, or the group it was escalated
 * to; role and department both. Another role of the same department (a permit officer, an inspector) reads no
 * registration review: it could never claim it, so it has no business seeing the applicant's task.
 */
export function isInGroupOf(
  actor: Actor,
  task: Pick<TaskState, 'candidateGroup' | 'escalated' | 'escalateTo'>,
): boolean {
  return isInGroups(actor, [task.candidateGroup, ...(task.escalated && task.escalateTo ? [task.escalateTo] : [])]);
}

export function isInGroups(actor: Actor, groups: readonly { role: string; department: string }[]): boolean {
  if (!actor.department || actor.role === 'registrant' || actor.role === 'administrator') return false;
  return groups.some((group) => group.role === actor.role && group.department === actor.department);
}
