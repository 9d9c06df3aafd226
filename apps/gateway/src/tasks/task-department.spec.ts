import type { TaskState } from '@govflow/contracts';
import { departmentsOf, mayWorkOn } from './task-department';

describe(mayWorkOn.name, () => {
  type Groups = Pick<TaskState, 'candidateGroup' | 'escalated' | 'escalateTo'>;
  const task: Groups = {
    candidateGroup: { role: 'registration-officer', department: 'market-regulation' },
    escalated: false,
  };
  const escalated: Groups = { ...task, escalated: true, escalateTo: { role: 'tax-officer', department: 'tax' } };
  const who = (role: string, department: string | null) => ({ id: 'u', username: 'u', role, department }) as never;

  it("lets officers of the task's department, and of the department it was escalated to, work on it", () => {
    expect(mayWorkOn(who('registration-officer', 'market-regulation'), departmentsOf(task))).toBe(true);
    expect(mayWorkOn(who('tax-officer', 'tax'), departmentsOf(task))).toBe(false);
    expect(mayWorkOn(who('tax-officer', 'tax'), departmentsOf(escalated))).toBe(true);
  });

  it('never lets people without a department (registrants) nor administrators', () => {
    expect(mayWorkOn(who('registrant', null), departmentsOf(task))).toBe(false);
    expect(mayWorkOn(who('registrant', null), departmentsOf({ ...task, escalated: true }))).toBe(false);
    expect(mayWorkOn(who('administrator', null), departmentsOf(task))).toBe(false);
  });
});
