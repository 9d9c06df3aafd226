import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { uniqueId } from '../../test/support/servers';
import { type RegistrationTestBed, startRegistrationTestBed } from '../../test/support/time-skipping';
import type { Actor } from '../../libs/contracts/src/actors';
import type { TaskOutcome } from '../../libs/contracts/src/tasks/task.types';
import { claimUpdate, decideUpdate, reassignUpdate } from '../shared/human-task/definitions';
import { registrationStatusQuery, supplementUpdate, taxRecordOpenedSignal } from './definitions';
import {
  applicant,
  eventually,
  fakeRegistrationService,
  foodPermit,
  officerLi,
  officerWang,
  policy,
  registrationInput,
} from './registration.fixtures';
import { registrationWorkflow } from './registration.workflow';
import { holidayArrangements, legalDeadline, resolveDeadline } from '@govflow/policy';
import { terminateWhenIdle } from '../../test/support/terminate-when-idle';

jest.setTimeout(60_000);

describe(`${registrationWorkflow.name} on the time-skipping server`, () => {
  const service = fakeRegistrationService();
  const workflowQueue = uniqueId('registration-workflows');
  let env: TestWorkflowEnvironment;
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, service.activities);
    env = testBed.env;
  });

  afterAll(async () => {
    await testBed?.stop();
  });

  async function start(caseId = uniqueId('case')) {
    const handle = await testBed.client.workflow.start(registrationWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `registration-${caseId}`,
      args: [registrationInput(caseId)],
    });
    return { caseId, handle };
  }

  type Handle = WorkflowHandle<typeof registrationWorkflow>;

  async function openTaskOf(handle: Handle, round: number) {
    const status = await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.openTask?.taskId.endsWith(`:review:${round}`) ?? false,
    );
    return status.openTask!.taskId;
  }

  async function decideRound(handle: Handle, round: number, outcome: TaskOutcome, reason?: string, by = officerLi) {
    const taskId = await openTaskOf(handle, round);
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: by }] });
    return handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: by, outcome, reason }] });
  }

  /** Advances the time-skipping server's clock to `instant` (epoch ms). */
  async function sleepUntil(instant: number) {
    const gap = instant - (await env.currentTimeMs());
    if (gap > 0) await env.sleep(gap);
  }

  const taxRecord = { taxpayerId: '91110000600037341L', openedAt: '2026-03-02T09:00:00.000Z' };

  it('approves, licenses, waits for the tax record and tells the registrant which permits to get', async () => {
    const { caseId, handle } = await start();

    const decided = await decideRound(handle, 1, 'approve');
    await handle.signal(taxRecordOpenedSignal, taxRecord);
    const result = await handle.result();

    expect(decided).toMatchObject({ status: 'decided', decision: { outcome: 'approve', decidedBy: officerLi } });
    expect(result).toMatchObject({
      caseId,
      status: 'completed',
      license: { creditCode: '91110000600037341L', enterpriseName: '北京星河科技有限公司' },
      taxRecord,
      requiredPermits: [],
    });
    expect(result.steps.map(({ name, status }) => `${name}:${status}`)).toEqual([
      'submit-application:done',
      'officer-review:done',
      'issue-license:done',
      'open-tax-record:done',
      'determine-permits:done',
    ]);
    const calls = service.callsFor(caseId);
    expect(calls.submitApplication).toEqual([
      expect.objectContaining({ idempotencyKey: `${caseId}:submit`, applicant }),
    ]);
    expect(calls.issueLicense).toEqual([expect.objectContaining({ approvedBy: officerLi })]);
    expect(calls.determineRequiredPermits).toEqual([
      expect.objectContaining({ catalogueVersion: policy.permitCatalogueVersion, creditCode: '91110000600037341L' }),
    ]);
    expect(service.taskEventsFor(caseId).map((event) => event.type)).toEqual(['opened', 'claimed', 'decided']);
    const { searchAttributes } = await handle.describe();
    expect(searchAttributes).toMatchObject({ CaseId: [caseId], CaseKind: ['registration'], CaseStatus: ['completed'] });
  });

  it('rejects with the officer’s reason and issues nothing', async () => {
    const { caseId, handle } = await start();

    await decideRound(handle, 1, 'reject', 'the domicile is not a registrable address');
    const result = await handle.result();

    expect(result.status).toBe('rejected');
    const calls = service.callsFor(caseId);
    expect(calls.rejectApplication).toEqual([
      expect.objectContaining({ decidedBy: officerLi, reason: 'the domicile is not a registrable address' }),
    ]);
    expect(calls.issueLicense).toEqual([]);
  });

  it('goes round twice for more information, then approves the supplemented application', async () => {
    const { caseId, handle } = await start();

    await decideRound(handle, 1, 'request-info', 'shareholder ID copy missing');
    expect((await handle.query(registrationStatusQuery)).status).toBe('information-requested');
    await handle.executeUpdate(supplementUpdate, {
      args: [{ actor: applicant, changes: {}, note: 'ID copy attached' }],
    });
    await decideRound(handle, 2, 'request-info', 'food sales need to be in the scope', officerWang);
    const businessScope = ['技术开发', '食品销售'];
    await handle.executeUpdate(supplementUpdate, {
      args: [{ actor: applicant, changes: { businessScope }, note: '' }],
    });
    await decideRound(handle, 3, 'approve');
    await handle.signal(taxRecordOpenedSignal, taxRecord);
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'completed', requiredPermits: [foodPermit] });
    const calls = service.callsFor(caseId);
    expect(calls.supplementApplication.map(({ round, idempotencyKey }) => ({ round, idempotencyKey }))).toEqual([
      { round: 1, idempotencyKey: `${caseId}:supplement:1` },
      { round: 2, idempotencyKey: `${caseId}:supplement:2` },
    ]);
    expect(calls.determineRequiredPermits[0]?.businessScope).toEqual(businessScope);
    expect(result.steps.filter((s) => s.round !== undefined).map((s) => `${s.name}#${s.round}:${s.status}`)).toEqual([
      'officer-review#1:information-requested',
      'supplement#1:done',
      'officer-review#2:information-requested',
      'supplement#2:done',
      'officer-review#3:done',
    ]);
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, await handle.fetchHistory());
  });

  it('escalates a review left past its due time, keeps it open and claimed, and still takes the decision', async () => {
    const { caseId, handle } = await start();
    const taskId = await openTaskOf(handle, 1);
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });

    await sleepUntil(Date.parse((await handle.query(registrationStatusQuery)).openTask!.dueAt) + 60_000);
    const overdue = await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.openTask?.escalated === true,
    );

    expect(overdue).toMatchObject({ status: 'under-review', openTask: { status: 'open', assignee: officerLi } });
    expect(service.taskEventsFor(caseId).map((event) => event.type)).toEqual(['opened', 'claimed', 'escalated']);
    await handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: officerLi, outcome: 'approve' }] });
    await handle.signal(taxRecordOpenedSignal, taxRecord);
    expect((await handle.result()).status).toBe('completed');
  });

  it('shows the tax step as overdue past the policy timeout and completes when the record arrives', async () => {
    const { handle } = await start();
    await decideRound(handle, 1, 'approve');
    await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.status === 'licensed',
    );

    await env.sleep('25 hours');
    const waiting = await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.steps.some((step) => step.name === 'open-tax-record' && step.status === 'overdue'),
    );
    await handle.signal(taxRecordOpenedSignal, taxRecord);
    const result = await handle.result();

    expect(waiting.status).toBe('licensed');
    expect(result).toMatchObject({ status: 'completed', taxRecord });
  });

  it('lets a candidate hand the claim to a colleague, who then decides', async () => {
    const { caseId, handle } = await start();
    const taskId = await openTaskOf(handle, 1);
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });

    const reassign = { taskId, actor: officerLi, to: officerWang, reason: 'on leave from Monday' };
    const reassigned = await handle.executeUpdate(reassignUpdate, { args: [reassign] });
    await handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: officerWang, outcome: 'approve' }] });
    await handle.signal(taxRecordOpenedSignal, taxRecord);
    await handle.result();

    expect(reassigned.assignee).toEqual(officerWang satisfies Actor);
    expect(service.callsFor(caseId).issueLicense).toEqual([expect.objectContaining({ approvedBy: officerWang })]);
  });

  it('escalates the review at 24:00 Beijing time of the 3rd working day after submission, not the 3rd calendar day', async () => {
    // Submitted on a Friday morning (Beijing): three calendar days end on Monday, three working days at the earliest
    // on Wednesday, later when a holiday falls between.
    await sleepUntil(nextFridayMorningInBeijing(await env.currentTimeMs()));
    const { caseId, handle } = await start();
    const task = (
      await eventually(
        () => handle.query(registrationStatusQuery),
        (s) => s.openTask !== undefined,
      )
    ).openTask!;

    const submittedAt = service.callsFor(caseId).submitApplication[0]!.submittedAt;
    const expected = legalDeadline(new Date(submittedAt), { workingDays: 3 });
    expect(task).toMatchObject({ legalDueAt: expected.toISOString(), dueAt: expected.toISOString(), timeScale: 1 });
    expect(expected.getUTCHours()).toBe(16); // 24:00 in Beijing
    const thirdCalendarDayEnds = Date.parse(submittedAt) + 3 * DAY_MS;
    expect(expected.getTime()).toBeGreaterThan(thirdCalendarDayEnds + DAY_MS);

    await sleepUntil(thirdCalendarDayEnds + DAY_MS);
    expect((await handle.query(registrationStatusQuery)).openTask?.escalated).toBe(false);
    await sleepUntil(expected.getTime() - 60_000);
    expect((await handle.query(registrationStatusQuery)).openTask?.escalated).toBe(false);
    expect(service.taskEventsFor(caseId).map((event) => event.type)).toEqual(['opened']);

    await sleepUntil(expected.getTime() + 60_000);
    await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.openTask?.escalated === true,
    );
    const escalated = service.taskEventsFor(caseId).find((event) => event.type === 'escalated');
    expect(Date.parse(escalated!.at)).toBeGreaterThanOrEqual(expected.getTime());
    expect(Date.parse(escalated!.at)).toBeLessThan(expected.getTime() + 60_000);
    const review = (await handle.query(registrationStatusQuery)).steps.find((step) => step.name === 'officer-review');
    expect(review?.due).toMatchObject({
      legalDueAt: expected.toISOString(),
      dueAtCalendar: expect.stringMatching(/24:00 北京时间$/),
    });
  });

  it('says on the task, its opened event and the case when the review deadline runs into provisional 2027', async () => {
    // Thursday 2026-12-31, 10:00 Beijing (or now, once later): 3 working days end in 2027, counted on its statutory
    // days off alone until the 2027 notice is in the calendar.
    await sleepUntil(Math.max(Date.parse('2026-12-31T02:00:00.000Z'), await env.currentTimeMs()));
    const { caseId, handle } = await start();
    const status = await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.openTask !== undefined,
    );

    const submittedAt = service.callsFor(caseId).submitApplication[0]!.submittedAt;
    const expected = resolveDeadline({ period: { workingDays: 3 }, from: submittedAt, timeScale: 1 });
    const stillProvisional = holidayArrangements.find(({ year }) => year === 2027)?.provisional !== undefined;
    expect(expected.provisional).toBe(stillProvisional || undefined);
    const calendar = { provisional: expected.provisional, calendarBasis: expected.calendarBasis };
    if (stillProvisional) expect(calendar.calendarBasis).toMatch(/^按法定节假日暂算.*2027年放假安排公布后以通知为准$/);

    expect(status.openTask).toMatchObject({ legalDueAt: expected.legalDueAt, ...calendar });
    const review = status.steps.find((step) => step.name === 'officer-review');
    expect(review?.due).toMatchObject({ dueAtCalendar: expected.dueAtCalendar, ...calendar });
    const openedEvent = service.taskEventsFor(caseId).find((event) => event.type === 'opened');
    expect(openedEvent).toMatchObject({ legalDueAt: expected.legalDueAt, ...calendar });
    await terminateWhenIdle(handle, 'test done');
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, await handle.fetchHistory());
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** 10:00 Beijing time on the first Friday after `now`. */
function nextFridayMorningInBeijing(now: number): number {
  const beijing = new Date(now + 8 * 60 * 60 * 1000);
  const daysAhead = (5 - beijing.getUTCDay() + 7) % 7 || 7;
  const friday = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() + daysAhead, 10);
  return friday - 8 * 60 * 60 * 1000;
}
