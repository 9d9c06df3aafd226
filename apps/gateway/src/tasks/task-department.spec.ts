import type { TaskState } from '@govflow/contracts';
import { departmentsOf, isInGroupOf, mayWorkOn } from './task-department';

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

describe(isInGroupOf.name, () => {
  const task = {
    candidateGroup: { role: 'registration-officer', department: 'market-regulation' },
    escalated: false,
  } as const;
  const who = (role: string, department: string | null) => ({ id: 'u', username: 'u', role, department }) as never;

  it('lets the candidate group and the group escalated to, role and department both', () => {
    expect(isInGroupOf(who('registration-officer', 'market-regulation'), task)).toBe(true);
    const escalated = { ...task, escalated: true, escalateTo: { role: 'tax-officer', department: 'tax' } } as const;
    expect(isInGroupOf(who('tax-officer', 'tax'), escalated)).toBe(true);
    expect(isInGroupOf(who('tax-officer', 'tax'), task)).toBe(false);
  });

  it('refuses another role of the same department, registrants and administrators', () => {
    expect(isInGroupOf(who('inspector', 'market-regulation'), task)).toBe(false);
    expect(isInGroupOf(who('permit-officer', 'market-regulation'), task)).toBe(false);
    expect(isInGroupOf(who('registrant', null), task)).toBe(false);
    expect(isInGroupOf(who('administrator', null), task)).toBe(false);
  });
});
