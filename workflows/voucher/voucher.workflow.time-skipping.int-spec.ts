import type { WorkflowHandle } from '@temporalio/client';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveDeadline } from '@govflow/policy';
import type { Actor } from '../../libs/contracts/src/actors';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { uniqueId } from '../../test/support/servers';
import { type RegistrationTestBed, startRegistrationTestBed } from '../../test/support/time-skipping';
import { eventually } from '../registration/registration.fixtures';
import { claimUpdate, decideUpdate } from '../shared/human-task/definitions';
import {
  type VoucherAction,
  voucherActionUpdate,
  voucherClaimUpdate,
  type VoucherStatus,
  voucherStatusQuery,
} from './definitions';
import {
  fakeVoucherService,
  finOfficer1,
  firm,
  otherProvider,
  overBudget,
  provider,
  sciOfficer1,
  sciOfficer1AsFinance,
  voucherInput,
} from './voucher.fixtures';
import { voucherWorkflow } from './voucher.workflow';

jest.setTimeout(120_000);

type Handle = WorkflowHandle<typeof voucherWorkflow>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe(`${voucherWorkflow.name} on the time-skipping server`, () => {
  const service = fakeVoucherService();
  const workflowQueue = uniqueId('voucher-workflows');
  let env: TestWorkflowEnvironment;
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, service.activities, TaskQueue.ScienceCommission);
    env = testBed.env;
  });
  afterAll(() => testBed?.stop());

  async function claim(creditCode?: string) {
    const voucherId = uniqueId('voucher');
    const start = new WithStartWorkflowOperation(voucherWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `voucher-${voucherId}`,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      args: [voucherInput(voucherId, creditCode)],
    });
    const claimed = testBed.client.workflow.executeUpdateWithStart(voucherClaimUpdate, {
      updateId: 'claim',
      startWorkflowOperation: start,
    });
    return { voucherId, claimed, handle: await start.workflowHandle() };
  }
  const statusOf = (handle: Handle) => handle.query(voucherStatusQuery);
  const reaching = (handle: Handle, accept: (s: VoucherStatus) => boolean) =>
    eventually(() => statusOf(handle), accept);
  const act = (handle: Handle, action: VoucherAction) => handle.executeUpdate(voucherActionUpdate, { args: [action] });
  const failureOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('not refused');
      },
      (error: { cause?: { type?: string; message?: string } }) => error.cause,
    );
  async function decide(handle: Handle, kind: string, actor: Actor, outcome: 'approve' | 'reject', reason?: string) {
    const { openTasks } = await reaching(handle, (s) => s.openTasks.some((t) => t.kind === kind));
    const { taskId } = openTasks.find((t) => t.kind === kind)!;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor }] });
    return handle.executeUpdate(decideUpdate, { args: [{ taskId, actor, outcome, ...(reason && { reason }) }] });
  }
  const registerActivity = (handle: Handle) =>
    act(handle, { kind: 'activity', actor: firm, providerId: provider.id, description: '新材料性能检测' });

  it('walks claim → activity → contract → delivery → redemption → review → four-eyes payment → published', async () => {
    const { voucherId, claimed, handle } = await claim();
    expect(await claimed).toMatchObject({ status: 'claimed', enterpriseName: '北京通州星河科技有限公司' });
    expect(await failureOf(act(handle, { kind: 'contract', actor: provider }))).toMatchObject({
      type: 'NotTheVoucherParty',
    });
    expect(
      await failureOf(act(handle, { kind: 'activity', actor: provider, providerId: provider.id, description: 'x' })),
    ).toMatchObject({ type: 'NotTheVoucherParty' });
    expect((await registerActivity(handle)).status).toBe('activity-registered');
    expect(await failureOf(registerActivity(handle))).toMatchObject({ type: 'VoucherStepNotOpen' });
    expect(await failureOf(act(handle, { kind: 'contract', actor: otherProvider }))).toMatchObject({
      type: 'NotTheVoucherParty',
    });

    const contracted = await act(handle, { kind: 'contract', actor: provider });
    const expected = resolveDeadline({ period: { months: 3 }, from: contracted.contract!.confirmedAt, timeScale: 1 });
    expect(contracted.contract!.validUntil.legalDueAt).toBe(expected.legalDueAt);
    expect(
      await failureOf(act(handle, { kind: 'delivery', actor: provider, summary: '检测完成', amountFen: 200_000_00 })),
    ).toMatchObject({ type: 'MalformedRequest' });
    await act(handle, { kind: 'delivery', actor: provider, summary: '检测完成，出具报告', amountFen: 80_000_00 });
    expect((await act(handle, { kind: 'redemption', actor: provider })).status).toBe('redemption-requested');

    await decide(handle, 'voucher-redemption-review', sciOfficer1, 'approve');
    await reaching(handle, (s) => s.status === 'awaiting-payment');
    const { openTasks } = await statusOf(handle);
    const barred = await failureOf(
      handle.executeUpdate(claimUpdate, { args: [{ taskId: openTasks[0]!.taskId, actor: sciOfficer1AsFinance }] }),
    );
    expect(barred).toMatchObject({ type: 'FourEyesViolation' });
    await decide(handle, 'voucher-payment', finOfficer1, 'approve', '已拨付服务机构');
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'paid', payment: { paidBy: finOfficer1, amountFen: 80_000_00 } });
    expect(result.published).toBeDefined();
    const calls = service.callsFor(voucherId);
    expect(calls.recordVoucherFact.map((f) => f.type)).toEqual([
      'VoucherClaimed',
      'VoucherActivityRegistered',
      'VoucherContractConfirmed',
      'VoucherDelivered',
      'VoucherRedemptionRequested',
      'VoucherRedemptionReviewed',
      'VoucherPaid',
      'VoucherPublished',
    ]);
    expect(calls.releaseVoucher).toMatchObject([{ because: 'paid', spentFen: 80_000_00 }]);
    const refused = calls.recordTaskEvent.filter((r) => r.kind === 'voucher-payment' && r.event.type === 'refused');
    expect(refused).toMatchObject([{ event: { actor: sciOfficer1AsFinance, failure: 'FourEyesViolation' } }]);
    const history = await handle.fetchHistory();
    console.log(`voucher history events (paid, one refused claim): ${history.events?.length}`);
    expect(history.events?.length).toBeLessThanOrEqual(HISTORY_BOUND);
  });

  it('lapses after 15 days without an activity, returning the whole amount to the budget', async () => {
    const { voucherId, claimed, handle } = await claim();
    await claimed;
    const { activityDue, claimedAt } = await reaching(handle, (s) => s.activityDue !== undefined);
    // The 15th day counted whole, from the day after the claim (to 24:00), moved past a weekend or holiday.
    const expected = resolveDeadline({ period: { days: 15 }, from: claimedAt, timeScale: 1 });
    expect(activityDue!.legalDueAt).toBe(expected.legalDueAt);
    expect(Date.parse(activityDue!.legalDueAt) - Date.parse(claimedAt)).toBeGreaterThan(15 * DAY);
    await env.sleep(Date.parse(activityDue!.dueAt) - (await env.currentTimeMs()) - HOUR);
    expect((await statusOf(handle)).status).toBe('claimed');
    await env.sleep(2 * HOUR);
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'lapsed', ended: { because: 'lapsed', returnedFen: 100_000_00 } });
    await expect(registerActivity(handle)).rejects.toThrow(); // a lapsed voucher takes no activity
    const calls = service.callsFor(voucherId);
    expect(calls.releaseVoucher).toMatchObject([{ because: 'lapsed', spentFen: 0 }]);
    expect(calls.recordVoucherFact.map((f) => f.type)).toEqual(['VoucherClaimed', 'VoucherLapsed']);
  });

  it('expires 3 months after the contract when unused, returning the unspent amount', async () => {
    const { voucherId, claimed, handle } = await claim();
    await claimed;
    await registerActivity(handle);
    const { contract } = await act(handle, { kind: 'contract', actor: provider });
    await env.sleep(Date.parse(contract!.validUntil.dueAt) - (await env.currentTimeMs()) - DAY);
    expect((await statusOf(handle)).status).toBe('contracted');
    await env.sleep(2 * DAY);
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'expired', ended: { because: 'expired', returnedFen: 100_000_00 } });
    expect(service.callsFor(voucherId).recordVoucherFact.map((f) => f.type)).toEqual([
      'VoucherClaimed',
      'VoucherActivityRegistered',
      'VoucherContractConfirmed',
      'VoucherExpired',
    ]);
  });

  it('refuses a claim beyond the budget, naming what is left', async () => {
    const { claimed } = await claim(overBudget);
    expect(await failureOf(claimed)).toMatchObject({
      type: 'VoucherBudgetExhausted',
      message: expect.stringContaining('预算余额 50000.00 元') as string,
    });
  });
});

// 196 when measured (2026-11-29): four provider/firm updates, two tasks, one refused claim, eight facts.
const HISTORY_BOUND = 210;
