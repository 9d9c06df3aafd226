import { HttpException } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { WorkflowFailureType, workflowFailureHttpStatus } from '@govflow/contracts';
import { toApiError, UNAVAILABLE_MESSAGE } from '../http/to-api-error';
import { refusalToHttpException, refusedUpdate, updateRefusalToHttpException } from './workflow-refusal';

describe(updateRefusalToHttpException.name, () => {
  const refused = (type: string, message: string) =>
    new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message }));
  const answered = (error: unknown) => {
    const exception = updateRefusalToHttpException(error);
    if (!exception) throw new Error('expected an HTTP exception');
    return toApiError(exception);
  };

  const namingAField: string[] = ['ReasonRequired', 'ConfirmationRequired'];
  it.each(Object.values(WorkflowFailureType).filter((type) => !namingAField.includes(type)))(
    'answers %s with its status and the workflow message',
    (type) => {
      expect(answered(refused(type, `refused: ${type}`))).toEqual({
        status: workflowFailureHttpStatus[type],
        body: { errors: [{ field: null, message: `refused: ${type}` }] },
      });
    },
  );

  it('answers 403 to four-eyes, 409 to a claim held by another, 404 to an unknown task', () => {
    expect(answered(refused('FourEyesViolation', 'the actor is the applicant of this case')).status).toBe(403);
    expect(answered(refused('ClaimedByOther', 'another officer holds the claim')).status).toBe(409);
    expect(answered(refused('TaskNotFound', 'no task t-1 in this case')).status).toBe(404);
  });

  it('answers 503 when an activity of the update ran out of attempts or time (the fault suite saw a 500 there)', () => {
    const failedActivity = (retryState: RetryState, cause = new Error('connect ECONNREFUSED 127.0.0.1:15432')) =>
      new WorkflowUpdateFailedError(
        'Workflow Update failed',
        new ActivityFailure('Activity task failed', 'recordTaskEvent', '6', retryState, 'worker', cause),
      );
    for (const retryState of [RetryState.MAXIMUM_ATTEMPTS_REACHED, RetryState.TIMEOUT]) {
      expect(answered(failedActivity(retryState))).toEqual({
        status: 503,
        body: { errors: [{ field: null, message: UNAVAILABLE_MESSAGE }] },
      });
    }
    const decided = ApplicationFailure.nonRetryable('不符合条件', 'SomethingUntyped');
    expect(updateRefusalToHttpException(failedActivity(RetryState.NON_RETRYABLE_FAILURE, decided))).toBeUndefined();
  });

  it('names the reason field when a reason was required', () => {
    expect(answered(refused('ReasonRequired', 'reject needs a reason'))).toEqual({
      status: 400,
      body: { errors: [{ field: 'reason', message: 'reject needs a reason' }] },
    });
  });

  it('names confirms when an approval needs a confirmation, and answers 409 to a name no longer available', () => {
    expect(answered(refused('ConfirmationRequired', 'confirm the investment link'))).toEqual({
      status: 400,
      body: { errors: [{ field: 'confirms', message: 'confirm the investment link' }] },
    });
    expect(answered(refused('NameUnavailable', '名称现已不可用')).status).toBe(409);
  });

  it('leaves failures that are not typed refusals to the 500 path', () => {
    expect(updateRefusalToHttpException(refused('ActivityTimedOut', 'store unavailable'))).toBeUndefined();
    expect(updateRefusalToHttpException(new WorkflowUpdateFailedError('failed', new Error('boom')))).toBeUndefined();
    expect(updateRefusalToHttpException(new Error('connection refused'))).toBeUndefined();
  });

  it('maps each failure type through the contracts table', () => {
    for (const type of Object.values(WorkflowFailureType)) {
      expect(refusalToHttpException(type, 'm')).toBeInstanceOf(HttpException);
      expect(refusalToHttpException(type, 'm').getStatus()).toBe(workflowFailureHttpStatus[type]);
    }
  });
});

describe(refusedUpdate.name, () => {
  const table = { BudgetExhausted: 409, NotEnterpriseOwner: 403 };
  const failed = (cause: Error) => new WorkflowUpdateFailedError('Workflow Update failed', cause);

  it('answers the typed failure behind an Update when its type is in the table', () => {
    const cause = ApplicationFailure.create({ type: 'BudgetExhausted', message: '预算不足' });
    expect(refusedUpdate(failed(cause), table)).toBe(cause);
  });

  it('answers undefined for other types, untyped failures and errors that are not Update failures', () => {
    expect(refusedUpdate(failed(ApplicationFailure.create({ type: 'Other', message: 'm' })), table)).toBeUndefined();
    expect(refusedUpdate(failed(ApplicationFailure.create({ message: 'm' })), table)).toBeUndefined();
    expect(refusedUpdate(failed(new Error('boom')), table)).toBeUndefined();
    expect(refusedUpdate(ApplicationFailure.create({ type: 'BudgetExhausted', message: 'm' }), table)).toBeUndefined();
  });
});
