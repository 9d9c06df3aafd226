import { type Actor, actorSchema, toContractActor } from './actor';

describe(toContractActor.name, () => {
  it('keeps an officer’s department and drops the username', () => {
    const officer: Actor = { id: 'u-3', username: 'tax-officer1', role: 'tax-officer', department: 'tax' };
    expect(toContractActor(officer)).toEqual({ id: 'u-3', role: 'tax-officer', department: 'tax' });
  });

  it('leaves the department out for someone who belongs to none', () => {
    const registrant: Actor = { id: 'u-1', username: 'registrant1', role: 'registrant', department: null };
    expect(toContractActor(registrant)).toStrictEqual({ id: 'u-1', role: 'registrant' });
  });
});

describe('actorSchema', () => {
  it('refuses a role the platform does not know', () => {
    expect(actorSchema.safeParse({ id: 'x', username: 'x', role: 'emperor', department: null }).success).toBe(false);
  });
});
