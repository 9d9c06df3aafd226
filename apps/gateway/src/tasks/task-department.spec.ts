import { isInGroupOf } from './task-department';

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
