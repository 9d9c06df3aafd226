import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { uniqueId } from '../../test/support/servers';
import { type RegistrationTestBed, startRegistrationTestBed } from '../../test/support/time-skipping';
import type { Actor } from '../../libs/contracts/src/actors';
import { claimUpdate, decideUpdate } from '../shared/human-task/definitions';
import { eventually } from '../registration/registration.fixtures';
import {
  applicationUpdate,
  confirmationUpdate,
  type DeregistrationStatus,
  deregistrationStatusQuery,
  objectionUpdate,
  taxAnswerSignal,
} from './definitions';
import {
  creditor,
  deregistrationInput,
  fakeDeregistrationService,
  individualBusiness,
  ineligible,
  limitedCompany,
  officerLi,
  owner,
} from './deregistration.fixtures';
import { resolveDeadline } from '@govflow/policy';
import { policyOn } from '../../test/support/deregistration-policy';
import { deregistrationWorkflow } from './deregistration.workflow';
import { terminateWhenIdle } from '../../test/support/terminate-when-idle';

jest.setTimeout(90_000);

type Handle = WorkflowHandle<typeof deregistrationWorkflow>;
const DAY = 86_400_000;

describe(`${deregistrationWorkflow.name} on the time-skipping server`, () => {
  const service = fakeDeregistrationService();
  const workflowQueue = uniqueId('deregistration-workflows');
  let env: TestWorkflowEnvironment;
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, service.activities);
    env = testBed.env;
  });
  afterAll(() => testBed?.stop());

  async function start(creditCode = limitedCompany, policy = policyOn('2026-11-29')) {
    const caseId = uniqueId('dereg');
    const handle = await testBed.client.workflow.start(deregistrationWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `deregistration-${caseId}`,
      args: [deregistrationInput(caseId, creditCode, policy)],
    });
    await handle.executeUpdate(applicationUpdate, { updateId: 'application' });
    return { caseId, handle };
  }
  const statusOf = (handle: Handle) => handle.query(deregistrationStatusQuery);
  const reaching = (handle: Handle, accept: (s: DeregistrationStatus) => boolean) =>
    eventually(() => statusOf(handle), accept);
  async function sleepUntil(instant: string) {
    const gap = Date.parse(instant) - (await env.currentTimeMs());
    if (gap > 0) await env.sleep(gap);
  }
  const object = (handle: Handle, by: Actor = creditor, reason = '尚欠货款 12 万元未结清') =>
    handle.executeUpdate(objectionUpdate, { args: [{ actor: by, name: '王芳', reason, contact: '13800000000' }] });
  /** Runs the announcement to its end and answers for tax. */
  async function throughAnnouncement(handle: Handle, tax: 'no-objection' | 'objection' = 'no-objection') {
    const { announcement } = await reaching(handle, (s) => s.status === 'announcing');
    await sleepUntil(announcement!.due.dueAt);
    await reaching(handle, (s) => s.status === 'awaiting-confirmation');
    const reason = tax === 'objection' ? '纳税人尚有未办结涉税事项：欠缴增值税' : undefined;
    await handle.signal(taxAnswerSignal, {
      verdict: tax,
      ...(reason && { reason }),
      eventId: uniqueId('e'),
      at: new Date().toISOString(),
    });
  }
  const confirm = (handle: Handle, extend = false) =>
    handle.executeUpdate(confirmationUpdate, { args: [{ actor: owner, ...(extend && { extend }) }] });
  async function decide(handle: Handle, outcome: 'approve' | 'reject', reason?: string) {
    const { openTask } = await reaching(handle, (s) => s.openTask?.kind === 'deregistration-review');
    const taskId = openTask!.taskId;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });
    return handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: officerLi, outcome, reason }] });
  }
  const failureOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('not refused');
      },
      (error: { cause?: { type?: string; message?: string } }) => error.cause,
    );

  it('announces for 20 days, takes the confirmation and deregisters on approval (history events counted)', async () => {
    const { caseId, handle } = await start();
    const { announcement } = await reaching(handle, (s) => s.status === 'announcing');
    const expected = resolveDeadline({ period: { days: 20 }, from: announcement!.startedAt, timeScale: 1 });
    expect(announcement!.due).toMatchObject({ legalDueAt: expected.legalDueAt, dueAtCalendar: expected.dueAtCalendar });
    expect(service.callsFor(caseId).startDeregistrationAnnouncement).toMatchObject([
      { legalEndsAt: expected.legalDueAt, timeScale: 1, policyVersion: 'deregistration-2022' },
    ]);

    await throughAnnouncement(handle);
    await confirm(handle);
    const decided = await decide(handle, 'approve');
    expect(decided).toMatchObject({ kind: 'deregistration-review', decision: { outcome: 'approve' } });
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'deregistered', objections: [], taxAnswer: { verdict: 'no-objection' } });
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([
      ['apply', 'done'],
      ['announcement', 'done'],
      ['tax-clearance', 'done'],
      ['confirmation', 'done'],
      ['officer-review', 'done'],
      ['deregister', 'done'],
    ]);
    expect(service.callsFor(caseId).deregisterEnterprise).toMatchObject([{ by: officerLi }]);
    const history = await handle.fetchHistory();
    console.log(`deregistration history events (approved, no objection): ${history.events?.length}`);
    // 87 to 93 measured (2026-11-29): two workflow tasks more when activities and timers interleave differently.
    expect(history.events?.length).toBeLessThanOrEqual(96);
  });

  it('announces for 45 days under the policy in force from 2017-03-01', async () => {
    const { handle } = await start(limitedCompany, policyOn('2018-06-01'));
    const { announcement, policyVersion } = await reaching(handle, (s) => s.status === 'announcing');
    expect(policyVersion).toBe('deregistration-2017');
    const expected = resolveDeadline({ period: { days: 45 }, from: announcement!.startedAt, timeScale: 1 });
    expect(announcement!.due.legalDueAt).toBe(expected.legalDueAt);
    await terminateWhenIdle(handle, 'test over');
  });

  it('needs no announcement for an individual business from 2022-03-01: straight to the officer', async () => {
    const { caseId, handle } = await start(individualBusiness);
    await decide(handle, 'approve');
    const result = await handle.result();
    expect(result.status).toBe('deregistered');
    expect(result.steps.find((s) => s.name === 'announcement')?.status).toBe('skipped');
    expect(service.callsFor(caseId).startDeregistrationAnnouncement).toEqual([]);
  });

  it('refuses the application with every reason at once when not eligible', async () => {
    const caseId = uniqueId('dereg');
    const handle = await testBed.client.workflow.start(deregistrationWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `deregistration-${caseId}`,
      args: [deregistrationInput(caseId, ineligible, policyOn('2026-11-29'))],
    });
    const refusal = await failureOf(handle.executeUpdate(applicationUpdate, { updateId: 'application' }));
    expect(refusal).toMatchObject({ type: 'NotEligible' });
    const result = await handle.result();
    expect(result).toMatchObject({
      status: 'refused',
      refusal: {
        type: 'NotEligible',
        details: { reasons: [{ code: 'abnormal-operations' }, { code: 'investigation' }] },
      },
    });
  });

  it('takes objections while the announcement runs and refuses them after (AnnouncementClosed); then only refusal', async () => {
    const { caseId, handle } = await start();
    await reaching(handle, (s) => s.status === 'announcing');
    const lodged = await object(handle);
    expect(lodged.objections).toMatchObject([{ by: creditor, name: '王芳', reason: '尚欠货款 12 万元未结清' }]);
    expect(await failureOf(object(handle, creditor, ' '))).toMatchObject({ type: 'ReasonRequired' });

    await throughAnnouncement(handle);
    expect(await failureOf(object(handle))).toMatchObject({ type: 'AnnouncementClosed' });
    await confirm(handle);
    const approval = await failureOf(decide(handle, 'approve'));
    expect(approval).toMatchObject({ type: 'ObjectionsLodged', message: expect.stringContaining('尚欠货款') });
    const { openTask } = await statusOf(handle);
    await handle.executeUpdate(decideUpdate, {
      args: [{ taskId: openTask!.taskId, actor: officerLi, outcome: 'reject', reason: '公告期内有债权人异议' }],
    });
    const result = await handle.result();
    expect(result.status).toBe('rejected');
    expect(service.callsFor(caseId).refuseDeregistration).toMatchObject([{ objections: [{ name: '王芳' }] }]);
    expect(service.callsFor(caseId).recordDeregistrationObjection).toHaveLength(1);
  });

  it("lets tax's objection (the day after the period) bar approval", async () => {
    const { handle } = await start();
    await throughAnnouncement(handle, 'objection');
    await confirm(handle);
    expect(await failureOf(decide(handle, 'approve'))).toMatchObject({
      type: 'ObjectionsLodged',
      message: expect.stringContaining('税务机关'),
    });
    expect((await statusOf(handle)).steps.find((s) => s.name === 'tax-clearance')?.status).toBe('objected');
    await terminateWhenIdle(handle, 'test over');
  });

  it('lapses when the enterprise does not confirm within 20 days of the period', async () => {
    const { caseId, handle } = await start();
    await throughAnnouncement(handle);
    const { confirmation } = await statusOf(handle);
    expect(
      Date.parse(confirmation!.due.legalDueAt) - Date.parse((await statusOf(handle)).announcement!.due.legalDueAt),
    ).toBeGreaterThanOrEqual(20 * DAY - DAY);
    await sleepUntil(confirmation!.due.dueAt);
    const result = await handle.result();
    expect(result.status).toBe('lapsed');
    expect(service.callsFor(caseId).lapseDeregistration).toHaveLength(1);
    await expect(confirm(handle)).rejects.toThrow(); // the case is closed
  });

  it('extends the confirmation window once, to 30 days, and takes a confirmation after day 20', async () => {
    const { caseId, handle } = await start();
    await throughAnnouncement(handle);
    const normal = (await statusOf(handle)).confirmation!.due;
    const extended = await confirm(handle, true);
    expect(extended.confirmation).toMatchObject({ extended: true });
    expect(Date.parse(extended.confirmation!.due.legalDueAt)).toBeGreaterThan(Date.parse(normal.legalDueAt));
    expect(await failureOf(confirm(handle, true))).toMatchObject({ type: 'AlreadyExtended' });

    await sleepUntil(new Date(Date.parse(normal.dueAt) + 2 * DAY).toISOString()); // past the 20 days
    expect((await statusOf(handle)).status).toBe('awaiting-confirmation');
    await confirm(handle);
    await reaching(handle, (s) => s.status === 'under-review');
    expect(service.callsFor(caseId).recordDeregistrationConfirmed).toMatchObject([{ extended: true }]);
    await terminateWhenIdle(handle, 'test over');
  });

  it('lets only the applicant confirm, and only after the period', async () => {
    const { handle } = await start();
    await reaching(handle, (s) => s.status === 'announcing');
    expect(await failureOf(confirm(handle))).toMatchObject({ type: 'NotAwaitingConfirmation' });
    await throughAnnouncement(handle);
    const stranger = handle.executeUpdate(confirmationUpdate, { args: [{ actor: creditor }] });
    expect(await failureOf(stranger)).toMatchObject({ type: 'NotApplicant' });
    await terminateWhenIdle(handle, 'test over');
  });
});
