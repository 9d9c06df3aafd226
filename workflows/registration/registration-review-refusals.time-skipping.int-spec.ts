import { ApplicationFailure, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { uniqueId } from '../../test/support/servers';
import { type RegistrationTestBed, startRegistrationTestBed } from '../../test/support/time-skipping';
import { isWorkflowFailureType, workflowFailureHttpStatus } from '../../libs/contracts/src/failures';
import { claimUpdate, decideUpdate, taskStateQuery, unclaimUpdate } from '../shared/human-task/definitions';
import { registrationStatusQuery, supplementUpdate } from './definitions';
import {
  applicant,
  eventually,
  fakeRegistrationService,
  officerLi,
  officerOfScience,
  officerWang,
  registrationInput,
  taxOfficer,
} from './registration.fixtures';
import { registrationWorkflow } from './registration.workflow';

jest.setTimeout(60_000);

/** The refused update's failure type and the HTTP status the gateway answers with. */
function refusalOf(error: unknown) {
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  const type = (cause as ApplicationFailure).type;
  return { type, status: isWorkflowFailureType(type) ? workflowFailureHttpStatus[type] : undefined };
}

async function refusal(update: Promise<unknown>) {
  return refusalOf(
    await update.then(
      () => new Error('the update was accepted'),
      (error: unknown) => error,
    ),
  );
}

describe('the registration review refuses what the rules forbid, and records the attempt', () => {
  const service = fakeRegistrationService();
  const workflowQueue = uniqueId('registration-refusals');
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, service.activities);
  });

  afterAll(async () => {
    await testBed?.stop();
  });

  /** A case whose first review task is open; returns the handle and the task id. */
  async function caseUnderReview() {
    const caseId = uniqueId('case');
    const handle: WorkflowHandle<typeof registrationWorkflow> = await testBed.client.workflow.start(
      registrationWorkflow,
      {
        taskQueue: workflowQueue,
        workflowId: `registration-${caseId}`,
        args: [registrationInput(caseId)],
      },
    );
    const status = await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.openTask !== undefined,
    );
    return { caseId, handle, taskId: status.openTask!.taskId };
  }

  const refusedEvents = (caseId: string) => service.taskEventsFor(caseId).filter((event) => event.type === 'refused');

  it('refuses the applicant deciding or claiming their own case (four-eyes, 403) and records both attempts', async () => {
    const { caseId, handle, taskId } = await caseUnderReview();

    const decide = { taskId, actor: applicant, outcome: 'approve' as const, reason: 'looks fine to me' };
    expect(await refusal(handle.executeUpdate(decideUpdate, { args: [decide] }))).toEqual({
      type: 'FourEyesViolation',
      status: 403,
    });
    expect(await refusal(handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: applicant }] }))).toEqual({
      type: 'FourEyesViolation',
      status: 403,
    });

    expect(refusedEvents(caseId)).toEqual([
      expect.objectContaining({
        actor: applicant,
        attempted: 'decide',
        failure: 'FourEyesViolation',
        outcome: 'approve',
        reason: 'looks fine to me',
        at: expect.any(String),
      }),
      expect.objectContaining({ actor: applicant, attempted: 'claim', failure: 'FourEyesViolation' }),
    ]);
    const task = await handle.query(taskStateQuery, taskId);
    expect(task).toMatchObject({ status: 'open', assignee: null });
    expect(task?.history.map((event) => event.type)).toEqual(['opened', 'refused', 'refused']);
  });

  it('refuses an officer of another department (403) and another role (403)', async () => {
    const { caseId, handle, taskId } = await caseUnderReview();

    expect(await refusal(handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerOfScience }] }))).toEqual({
      type: 'WrongDepartment',
      status: 403,
    });
    expect(await refusal(handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: taxOfficer }] }))).toEqual({
      type: 'NotInCandidateGroup',
      status: 403,
    });
    expect(refusedEvents(caseId).map((event) => event.type === 'refused' && event.actor.id)).toEqual([
      officerOfScience.id,
      taxOfficer.id,
    ]);
  });

  it('refuses a claim held by a colleague (409), and their decision and unclaim (409)', async () => {
    const { handle, taskId } = await caseUnderReview();
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });

    const claim = handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerWang }] });
    expect(await refusal(claim)).toEqual({ type: 'ClaimedByOther', status: 409 });
    const decide = handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: officerWang, outcome: 'approve' }] });
    expect(await refusal(decide)).toEqual({ type: 'NotClaimant', status: 409 });
    const unclaim = handle.executeUpdate(unclaimUpdate, { args: [{ taskId, actor: officerWang }] });
    expect(await refusal(unclaim)).toEqual({ type: 'NotClaimant', status: 409 });

    await handle.executeUpdate(unclaimUpdate, { args: [{ taskId, actor: officerLi, reason: 'conflict of interest' }] });
    const claimed = await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerWang }] });
    expect(claimed.assignee).toEqual(officerWang);
  });

  it('takes concurrent claims one at a time: one officer wins, the other is told the task is taken', async () => {
    const { caseId, handle, taskId } = await caseUnderReview();

    const claims = await Promise.allSettled(
      [officerLi, officerWang].map((actor) => handle.executeUpdate(claimUpdate, { args: [{ taskId, actor }] })),
    );

    expect(claims.map((claim) => claim.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = claims.find((claim) => claim.status === 'rejected');
    expect(refusalOf(loser?.reason)).toEqual({ type: 'ClaimedByOther', status: 409 });
    expect(service.taskEventsFor(caseId).map((event) => event.type)).toEqual(['opened', 'claimed', 'refused']);
  });

  it('refuses a rejection or a request for information without a reason (400); the task stays open', async () => {
    const { caseId, handle, taskId } = await caseUnderReview();
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });

    const reject = handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: officerLi, outcome: 'reject' }] });
    expect(await refusal(reject)).toEqual({ type: 'ReasonRequired', status: 400 });
    const blank = { taskId, actor: officerLi, outcome: 'request-info' as const, reason: ' ' };
    expect(await refusal(handle.executeUpdate(decideUpdate, { args: [blank] }))).toEqual({
      type: 'ReasonRequired',
      status: 400,
    });
    expect((await handle.query(taskStateQuery, taskId))?.status).toBe('open');

    const withReason = { taskId, actor: officerLi, outcome: 'reject' as const, reason: 'capital not subscribed' };
    await handle.executeUpdate(decideUpdate, { args: [withReason] });
    expect((await handle.result()).status).toBe('rejected');
    expect(refusedEvents(caseId).map((event) => event.type === 'refused' && event.failure)).toEqual([
      'ReasonRequired',
      'ReasonRequired',
    ]);
    // Validators do not run on replay: the refusals must come out the same from the handlers alone.
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, await handle.fetchHistory());
  });

  it('refuses malformed requests (400) and unknown tasks (404) before accepting them, so nothing is recorded', async () => {
    const { caseId, handle, taskId } = await caseUnderReview();

    const maybe = { taskId, actor: officerLi, outcome: 'maybe' as never };
    expect(await refusal(handle.executeUpdate(decideUpdate, { args: [maybe] }))).toEqual({
      type: 'MalformedRequest',
      status: 400,
    });
    const nobody = { taskId, actor: { id: '', role: 'registration-officer' as const } };
    expect(await refusal(handle.executeUpdate(claimUpdate, { args: [nobody] }))).toEqual({
      type: 'MalformedRequest',
      status: 400,
    });
    const elsewhere = { taskId: `${caseId}:review:9`, actor: officerLi };
    expect(await refusal(handle.executeUpdate(claimUpdate, { args: [elsewhere] }))).toEqual({
      type: 'TaskNotFound',
      status: 404,
    });
    expect(refusedEvents(caseId)).toEqual([]);
  });

  it('refuses a decision on a task already decided (409) and a supplement from anyone but the applicant (403)', async () => {
    const { handle, taskId } = await caseUnderReview();
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });
    const early = { actor: applicant, changes: {}, note: 'before anyone asked' };
    expect(await refusal(handle.executeUpdate(supplementUpdate, { args: [early] }))).toEqual({
      type: 'NotAwaitingInformation',
      status: 409,
    });
    const requestInfo = {
      taskId,
      actor: officerLi,
      outcome: 'request-info' as const,
      reason: 'lease contract missing',
    };
    await handle.executeUpdate(decideUpdate, { args: [requestInfo] });

    const again = { taskId, actor: officerLi, outcome: 'approve' as const };
    expect(await refusal(handle.executeUpdate(decideUpdate, { args: [again] }))).toEqual({
      type: 'AlreadyDecided',
      status: 409,
    });
    const byOfficer = { actor: officerLi, changes: {}, note: 'I will add it myself' };
    expect(await refusal(handle.executeUpdate(supplementUpdate, { args: [byOfficer] }))).toEqual({
      type: 'NotApplicant',
      status: 403,
    });
  });
});
