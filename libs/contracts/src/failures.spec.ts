import { isWorkflowFailureType, WorkflowFailureType, workflowFailureHttpStatus } from './failures';

describe('workflowFailureHttpStatus', () => {
  it('answers 403 for who the caller is, 409 for the state of the case, 400 for the request', () => {
    expect(workflowFailureHttpStatus).toMatchObject({
      FourEyesViolation: 403,
      NotInCandidateGroup: 403,
      WrongDepartment: 403,
      ClaimedByOther: 409,
      AlreadyDecided: 409,
      NotClaimant: 409,
      ReasonRequired: 400,
      MalformedRequest: 400,
    });
  });

  it('has a status for every failure type, and nothing else', () => {
    expect(Object.keys(workflowFailureHttpStatus).sort()).toEqual(Object.values(WorkflowFailureType).sort());
  });

  it('recognises failure types and nothing else', () => {
    expect(isWorkflowFailureType('FourEyesViolation')).toBe(true);
    expect(isWorkflowFailureType('toString')).toBe(false);
    expect(isWorkflowFailureType(undefined)).toBe(false);
  });
});
