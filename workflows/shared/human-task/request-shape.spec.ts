import { ApplicationFailure } from '@temporalio/common';
import { assertDecideShape, assertReassignShape, isActor } from './request-shape';

const officer = { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' };

const failureTypeOf = (check: () => void) => {
  try {
    check();
    return 'accepted';
  } catch (error) {
    return error instanceof ApplicationFailure ? error.type : 'not an ApplicationFailure';
  }
};

describe(isActor.name, () => {
  it('accepts a known role, with or without a known department', () => {
    expect(isActor(officer)).toBe(true);
    expect(isActor({ id: 'applicant-zhang', role: 'registrant' })).toBe(true);
  });

  it('refuses a blank id, an unknown role or an unknown department', () => {
    expect(isActor({ ...officer, id: ' ' })).toBe(false);
    expect(isActor({ ...officer, role: 'mayor' })).toBe(false);
    expect(isActor({ ...officer, department: 'police' })).toBe(false);
    expect(isActor('officer-li')).toBe(false);
  });
});

describe(assertDecideShape.name, () => {
  it('accepts a well-formed decision, whatever the rules will say about it', () => {
    expect(failureTypeOf(() => assertDecideShape({ taskId: 't-1', actor: officer, outcome: 'reject' }))).toBe(
      'accepted',
    );
  });

  it.each([
    ['no task id', { actor: officer, outcome: 'approve' }],
    ['an unknown outcome', { taskId: 't-1', actor: officer, outcome: 'maybe' }],
    ['a reason that is not text', { taskId: 't-1', actor: officer, outcome: 'reject', reason: 42 }],
    ['no object at all', null],
  ])('refuses %s as MalformedRequest', (_, request) => {
    expect(failureTypeOf(() => assertDecideShape(request))).toBe('MalformedRequest');
  });
});

describe(assertReassignShape.name, () => {
  it('needs an actor to hand the task to', () => {
    const request = { taskId: 't-1', actor: officer, reason: 'leave' };
    expect(failureTypeOf(() => assertReassignShape(request))).toBe('MalformedRequest');
    expect(failureTypeOf(() => assertReassignShape({ ...request, to: officer }))).toBe('accepted');
  });
});
