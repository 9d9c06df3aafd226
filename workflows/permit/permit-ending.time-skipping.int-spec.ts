import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { uniqueId } from '../../test/support/servers';
import { type RegistrationTestBed, startRegistrationTestBed } from '../../test/support/time-skipping';
import type { Actor } from '../../libs/contracts/src/actors';
import type { PermitRouteName } from '../../libs/contracts/src/permits/permit-events';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { claimUpdate, decideUpdate } from '../shared/human-task/definitions';
import { eventually } from '../registration/registration.fixtures';
import {
  applicationUpdate,
  type EnterpriseDeregisteredNotice,
  enterpriseDeregisteredSignal,
  type PermitItem,
  type PermitStatus,
  permitStatusQuery,
} from './definitions';
import { fakeAuthorities, foodOfficer, itemOf, permitInput } from './permit.fixtures';
import { permitWorkflow } from './permit.workflow';

jest.setTimeout(60_000);

type Handle = WorkflowHandle<typeof permitWorkflow>;

describe(`${permitWorkflow.name} when the enterprise is deregistered (time-skipping)`, () => {
  const authorities = fakeAuthorities();
  const workflowQueue = uniqueId('permit-ending');
  let env: TestWorkflowEnvironment;
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, authorities.credit, TaskQueue.Registration, {
      [TaskQueue.Permits]: authorities.permits,
    });
    env = testBed.env;
  });
  afterAll(() => testBed?.stop());

  async function open(item: PermitItem, route: PermitRouteName) {
    const caseId = uniqueId('permit');
    const handle = await testBed.client.workflow.start(permitWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `permit-${caseId}`,
      args: [permitInput(caseId, uniqueId('91110108MF'), item, route)],
    });
    const accepted = await handle.executeUpdate(applicationUpdate, { updateId: 'application' });
    return { caseId, handle, accepted };
  }
  const reaching = (handle: Handle, accept: (s: PermitStatus) => boolean) =>
    eventually(() => handle.query(permitStatusQuery), accept);
  const notice = (deregisteredAt: string): EnterpriseDeregisteredNotice => ({
    deregistrationCaseId: uniqueId('dereg'),
    eventId: uniqueId('event'),
    deregisteredAt,
  });
  async function decide(handle: Handle, kind: string, actor: Actor, outcome: 'approve') {
    const { openTask } = await reaching(handle, (s) => s.openTask?.kind === kind && s.openTask.history.length > 0);
    const taskId = openTask!.taskId;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor }] });
    await handle.executeUpdate(decideUpdate, { args: [{ taskId, actor, outcome }] });
  }
  const factTypes = (caseId: string) => authorities.factsOf(caseId).map((f) => f.type);

  it('ends a case under review, its task escalated: the task lapses and PermitEnded names the deregistration (history counted)', async () => {
    const { caseId, handle } = await open(itemOf('food-business-permit'), 'standard');
    await decide(handle, 'permit-materials', foodOfficer, 'approve');
    const { openTask } = await reaching(
      handle,
      (s) => s.openTask?.kind === 'permit-review' && s.openTask.history.length > 0,
    );
    await env.sleep(Date.parse(openTask!.dueAt) - (await env.currentTimeMs()) + 1000);
    await reaching(handle, (s) => s.openTask?.escalated === true); // past its time limit, waiting on the decision

    const ended = notice(new Date(await env.currentTimeMs()).toISOString());
    await handle.signal(enterpriseDeregisteredSignal, ended);
    await handle.signal(enterpriseDeregisteredSignal, notice('2030-01-01T00:00:00.000Z')); // the first one counts
    const result = await handle.result();

    expect(result).toMatchObject({
      status: 'ended',
      ending: { reason: 'enterprise-deregistered', endedFrom: 'under-review', ...pick(ended) },
    });
    expect(factTypes(caseId)).toEqual(['PermitApplied', 'PermitEnded']);
    expect(authorities.recordsOf(caseId)[1]).toMatchObject({
      idempotencyKey: `${caseId}:end`,
      by: null,
      causationId: ended.eventId,
      fact: { deregistrationCaseId: ended.deregistrationCaseId, effectiveAt: ended.deregisteredAt },
    });
    const review = authorities.taskEventsOf(caseId).filter((e) => e.type === 'lapsed');
    expect(review).toEqual([expect.objectContaining({ reason: '企业已注销，许可事项终止办理' })]);

    const history = await handle.fetchHistory();
    console.log(
      `permit history events (materials approved, under review, escalated, ended by deregistration): ${history.events?.length}`,
    );
    expect(history.events?.length).toBeLessThanOrEqual(95); // 87 when measured (2026-11-29)
  });

  it('ends a granted permit: its validity timers stop, no reminder or expiry follows', async () => {
    const sixMonths = itemOf('food-business-permit', {
      validity: { months: 6 },
      spotCheck: { sharePercent: 0, inspectionPeriod: { workingDays: 20 } },
    });
    const { caseId, handle, accepted } = await open(sixMonths, 'commitment');
    expect(accepted.status).toBe('granted');

    await handle.signal(enterpriseDeregisteredSignal, notice(new Date(await env.currentTimeMs()).toISOString()));
    expect(await handle.result()).toMatchObject({ status: 'ended', ending: { endedFrom: 'granted' } });
    await env.sleep(Date.parse(accepted.validity!.validUntil) - (await env.currentTimeMs()) + 86_400_000);

    expect(factTypes(caseId)).toEqual(['PermitApplied', 'CommitmentSigned', 'PermitGranted', 'PermitEnded']);
    expect(await handle.query(permitStatusQuery)).toMatchObject({ status: 'ended' });
    const history = await handle.fetchHistory();
    const timers = history.events?.filter((e) => e.timerStartedEventAttributes) ?? [];
    const cancelled = history.events?.filter((e) => e.timerCanceledEventAttributes) ?? [];
    expect(timers.length).toBeGreaterThan(0);
    expect(cancelled.length).toBe(timers.length);
  });
});

const pick = ({ deregistrationCaseId, deregisteredAt }: EnterpriseDeregisteredNotice) => ({
  deregistrationCaseId,
  effectiveAt: deregisteredAt,
});
