import type { Actor } from '@govflow/auth';
import type { TaskState } from '@govflow/contracts';

/** The departments whose officers may act on a task: its candidate group's, and the one it was escalated to. */
export const departmentsOf = (task: Pick<TaskState, 'candidateGroup' | 'escalated' | 'escalateTo'>): string[] => [
  task.candidateGroup.department,
  ...(task.escalated && task.escalateTo ? [task.escalateTo.department] : []),
];

/**
 * Whether the actor is an officer of one of the task's departments. People without a department (registrants,
 * administrators) never are: administrators may read a task but act on none.
 */
export function mayWorkOn(actor: Actor, departments: readonly string[]): boolean {
  if (!actor.department || actor.role === 'registrant' || actor.role === 'administrator') return false;
  return departments.includes(actor.department);
}
