import type { Actor } from '../../../libs/contracts/src/actors';
import { checkClaim, checkDecision, checkReassign, checkUnclaim, type TaskFacts } from './task-rules';

const officer: Actor = { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' };
const colleague: Actor = { id: 'officer-wang', role: 'registration-officer', department: 'market-regulation' };
const applicant: Actor = { id: 'applicant-zhang', role: 'registrant' };

const openTask = (overrides: Partial<TaskFacts> = {}): TaskFacts => ({
  candidateGroup: { role: 'registration-officer', department: 'market-regulation' },
  applicantId: applicant.id,
  priorApprovers: [],
  status: 'open',
  assignee: officer,
  ...overrides,
});

const refusedWith = (failure: string): unknown => expect.objectContaining({ ok: false, failure });

describe(checkDecision.name, () => {
  it('lets the claimant approve without a reason', () => {
    expect(checkDecision(openTask(), officer, { outcome: 'approve' })).toEqual({ ok: true });
  });

  it.each(['reject', 'request-info'] as const)('lets the claimant %s with a reason', (outcome) => {
    expect(checkDecision(openTask(), officer, { outcome, reason: 'capital not paid in' })).toEqual({ ok: true });
  });

  it.each(['reject', 'request-info'] as const)('refuses %s without a reason, or with only blanks', (outcome) => {
    expect(checkDecision(openTask(), officer, { outcome })).toEqual(refusedWith('ReasonRequired'));
    expect(checkDecision(openTask(), officer, { outcome, reason: '  ' })).toEqual(refusedWith('ReasonRequired'));
  });

  it('refuses the applicant, whatever their role (four-eyes)', () => {
    const applicantAsOfficer = { ...officer, id: applicant.id };
    const task = openTask({ assignee: applicantAsOfficer });
    expect(checkDecision(task, applicantAsOfficer, { outcome: 'approve' })).toEqual(refusedWith('FourEyesViolation'));
    expect(checkDecision(task, applicant, { outcome: 'approve' })).toEqual(refusedWith('FourEyesViolation'));
  });

  it('refuses an officer who approved an earlier step of the same case (four-eyes)', () => {
    const task = openTask({ priorApprovers: [officer.id] });
    expect(checkDecision(task, officer, { outcome: 'approve' })).toEqual(refusedWith('FourEyesViolation'));
  });

  it('refuses another role, and the right role of another department', () => {
    const taxOfficer: Actor = { id: 'officer-tax', role: 'tax-officer', department: 'tax' };
    const elsewhere: Actor = { ...officer, department: 'science-commission' };
    expect(checkDecision(openTask({ assignee: taxOfficer }), taxOfficer, { outcome: 'approve' })).toEqual(
      refusedWith('NotInCandidateGroup'),
    );
    expect(checkDecision(openTask({ assignee: elsewhere }), elsewhere, { outcome: 'approve' })).toEqual(
      refusedWith('WrongDepartment'),
    );
  });

  it('refuses a candidate who does not hold the claim, claimed or not', () => {
    expect(checkDecision(openTask(), colleague, { outcome: 'approve' })).toEqual(refusedWith('NotClaimant'));
    expect(checkDecision(openTask({ assignee: null }), officer, { outcome: 'approve' })).toEqual(
      refusedWith('NotClaimant'),
    );
  });

  it('refuses a second decision', () => {
    expect(checkDecision(openTask({ status: 'decided' }), officer, { outcome: 'approve' })).toEqual(
      refusedWith('AlreadyDecided'),
    );
  });

  it('checks who the actor is before the state of the task', () => {
    expect(checkDecision(openTask({ status: 'decided' }), applicant, { outcome: 'reject' })).toEqual(
      refusedWith('FourEyesViolation'),
    );
  });

  it('refuses an outcome it does not know', () => {
    const outcome = 'approve-with-conditions' as never;
    expect(checkDecision(openTask(), officer, { outcome })).toEqual(refusedWith('MalformedRequest'));
  });
});

describe(checkClaim.name, () => {
  it('lets a candidate claim an unclaimed task, and the claimant claim again', () => {
    expect(checkClaim(openTask({ assignee: null }), colleague)).toEqual({ ok: true });
    expect(checkClaim(openTask(), officer)).toEqual({ ok: true });
  });

  it('refuses a claim held by someone else, a decided task and the applicant', () => {
    expect(checkClaim(openTask(), colleague)).toEqual(refusedWith('ClaimedByOther'));
    expect(checkClaim(openTask({ status: 'decided', assignee: null }), colleague)).toEqual(
      refusedWith('AlreadyDecided'),
    );
    expect(checkClaim(openTask({ assignee: null }), applicant)).toEqual(refusedWith('FourEyesViolation'));
  });
});

describe(checkUnclaim.name, () => {
  it('lets only the claimant release the claim', () => {
    expect(checkUnclaim(openTask(), officer)).toEqual({ ok: true });
    expect(checkUnclaim(openTask(), colleague)).toEqual(refusedWith('NotClaimant'));
  });
});

describe(checkReassign.name, () => {
  it('lets a candidate hand the task to a colleague, with a reason', () => {
    expect(checkReassign(openTask(), officer, colleague, 'on leave from Monday')).toEqual({ ok: true });
    expect(checkReassign(openTask(), officer, colleague, ' ')).toEqual(refusedWith('ReasonRequired'));
  });

  it('refuses a new assignee outside the candidate group or barred by four-eyes', () => {
    const taxOfficer: Actor = { id: 'officer-tax', role: 'tax-officer', department: 'tax' };
    expect(checkReassign(openTask(), officer, taxOfficer, 'workload')).toEqual(refusedWith('NotInCandidateGroup'));
    const applicantAsOfficer = { ...colleague, id: applicant.id };
    expect(checkReassign(openTask(), officer, applicantAsOfficer, 'workload')).toEqual(
      refusedWith('FourEyesViolation'),
    );
  });
});
