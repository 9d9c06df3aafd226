import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import type {
  VoucherActivities,
  VoucherFact,
  VoucherReleaseInput,
} from '../../libs/contracts/src/science/voucher-activities';
import { VoucherRefusalType } from '../../libs/contracts/src/science/voucher-activities';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { TaskDecision, TaskDue } from '../../libs/contracts/src/tasks/task.types';
import { caseClock } from '../shared/case-clock';
import { acceptTaskRequests, openTask } from '../shared/human-task';
import {
  type VoucherAction,
  voucherActionUpdate,
  voucherClaimUpdate,
  type VoucherInput,
  type VoucherStatus,
  voucherStatusQuery,
} from './definitions';
import { VoucherProgress } from './voucher-progress';

const science = proxyActivities<VoucherActivities>({
  taskQueue: TaskQueue.ScienceCommission,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const officers = { role: 'science-officer', department: 'science-commission' } as const;
const finance = { role: 'finance-officer', department: 'finance' } as const;
const system: Actor = { id: 'science-commission-service', role: 'science-officer', department: 'science-commission' };
const now = () => new Date().toISOString();
const untilDue = (due: TaskDue) => Math.max(Date.parse(due.dueAt) - Date.now(), 1);
const refuse = (type: WorkflowFailureType, message: string) => ApplicationFailure.create({ type, message });
const refusalTypes: readonly string[] = Object.values(VoucherRefusalType);
const stepZh = { activity: '登记服务活动', contract: '确认服务合同', delivery: '登记服务完成', redemption: '申请兑付' };

/**
 * One innovation voucher (科技创新券, R4.2/R4.3): claimed against the programme's yearly budget → the firm registers
 * the service activity with a provider within the period, or it lapses → the provider confirms the contract → valid
 * for the policy's period, unused then it expires → the provider records delivery and asks for redemption → a
 * science-commission officer reviews → a finance officer who did not review pays the provider (后补助) → published.
 * Whatever a voucher does not spend returns to the budget.
 */
export async function voucherWorkflow(input: VoucherInput): Promise<VoucherStatus> {
  const { voucherId, claimant, programme } = input;
  const clock = caseClock(input.timeScale);
  const progress = new VoucherProgress(input, clock.legalNow().toISOString());
  const { parts } = progress;
  let claim: { refused?: ApplicationFailure } | undefined;
  let factSequence = 0;
  let awaiting: VoucherAction['kind'] | undefined;
  let received: VoucherAction | undefined;
  let seen = 0;
  let handled = 0;

  setHandler(voucherStatusQuery, () => progress.snapshot());
  setHandler(voucherClaimUpdate, async () => {
    await condition(() => claim !== undefined);
    if (claim?.refused) throw claim.refused;
    return progress.snapshot();
  });
  acceptTaskRequests();
  setHandler(
    voucherActionUpdate,
    async (action) => {
      awaiting = undefined; // a second request for the same step is refused by the validator from now on
      received = action;
      const mine = ++seen;
      await condition(() => handled >= mine);
      return progress.snapshot();
    },
    { validator: (action: VoucherAction) => check(action) },
  );

  try {
    const held = await science.holdVoucher({
      idempotencyKey: `${voucherId}:hold`,
      claimantId: claimant.id,
      voucherId,
      programmeCode: programme.code,
      budgetYear: input.budgetYear,
      creditCode: input.creditCode,
      amountFen: input.amountFen,
      yearlyBudgetFen: programme.yearlyBudgetFen,
      liveVouchersPerEnterprise: programme.eligibility.liveVouchersPerEnterprise,
      at: now(),
    });
    parts.enterpriseName = held.enterpriseName;
  } catch (error) {
    const cause = (error as { cause?: ApplicationFailure }).cause;
    if (!cause?.type || !refusalTypes.includes(cause.type)) throw error;
    parts.refusal = { type: cause.type, message: cause.message };
    progress.moveTo('refused');
    claim = { refused: ApplicationFailure.create({ type: cause.type, message: cause.message }) };
    return finish();
  }
  open('activity'); // from the moment the claim is answered
  claim = {};
  await record('VoucherClaimed', claimant, '申领创新券', {
    programmeCode: programme.code,
    programmeVersion: input.programmeVersion,
    budgetYear: input.budgetYear,
    creditCode: input.creditCode,
    enterpriseName: parts.enterpriseName,
    amountFen: input.amountFen,
  });

  parts.activityDue = await clock.deadline(programme.activityRegistrationPeriod, clock.legalNow());
  const activity = await next(parts.activityDue);
  if (activity?.kind !== 'activity') return end('lapsed', 'VoucherLapsed', '逾期未登记服务活动，创新券作废');
  parts.activity = { providerId: activity.providerId, description: activity.description.trim(), registeredAt: now() };
  progress.moveTo('activity-registered');
  await record('VoucherActivityRegistered', activity.actor, activity.description.trim(), {
    providerId: activity.providerId,
  });
  open('contract');
  done();

  parts.contractDue = await clock.deadline(programme.contractConfirmationPeriod, clock.legalNow());
  const contract = await next(parts.contractDue);
  if (contract?.kind !== 'contract') return end('lapsed', 'VoucherLapsed', '服务机构逾期未确认合同，创新券作废');
  const validUntil = await clock.deadline(programme.validity, clock.legalNow());
  parts.contract = { confirmedBy: contract.actor, confirmedAt: now(), validUntil };
  progress.moveTo('contracted');
  await record('VoucherContractConfirmed', contract.actor, contract.reason?.trim() || '确认服务合同', {
    providerId: contract.actor.id,
    validUntil: validUntil.legalDueAt,
    validUntilCalendar: validUntil.dueAtCalendar,
  });
  open('delivery');
  done();

  const delivery = await next(validUntil);
  if (delivery?.kind !== 'delivery') return end('expired', 'VoucherExpired', '有效期内未使用，创新券过期');
  const spentFen = delivery.amountFen ?? input.amountFen;
  parts.delivery = { deliveredBy: delivery.actor, deliveredAt: now(), amountFen: spentFen, summary: delivery.summary };
  progress.moveTo('delivered');
  await record('VoucherDelivered', delivery.actor, delivery.summary.trim(), { amountFen: spentFen });
  open('redemption');
  done();

  const redemption = (await next()) as Extract<VoucherAction, { kind: 'redemption' }>;
  parts.redemption = { requestedAt: now() };
  progress.moveTo('redemption-requested');
  await record('VoucherRedemptionRequested', redemption.actor, redemption.reason?.trim() || '申请兑付', {
    amountFen: spentFen,
  });
  done();

  const review = await reviewRedemption();
  if (review.outcome !== 'approve') {
    return end('redemption-rejected', 'VoucherRedemptionRejected', review.reason ?? '兑付审核未通过', review.decidedBy);
  }
  const payment = await pay(review.decidedBy);
  const returnedFen = input.amountFen - spentFen;
  await release('paid', spentFen);
  parts.payment = { paidBy: payment.decidedBy, paidAt: payment.decidedAt, amountFen: spentFen };
  progress.moveTo('paid');
  await record('VoucherPaid', payment.decidedBy, payment.reason ?? '已拨付', { amountFen: spentFen, returnedFen });
  const publishedAt = now();
  await record('VoucherPublished', system, '创新券兑付结果上网公示', { amountFen: spentFen, publishedAt });
  parts.published = { at: publishedAt };
  return finish();

  /** From now on the step `kind` is accepted (each step opens before the update of the step before answers). */
  function open(kind: VoucherAction['kind']): void {
    awaiting = kind;
    received = undefined;
  }

  /** The action of the open step, or undefined when `due` passed first. */
  async function next(due?: TaskDue): Promise<VoucherAction | undefined> {
    const arrived = due ? await condition(() => received !== undefined, untilDue(due)) : await waitFor();
    awaiting = undefined;
    return arrived ? received : undefined;
  }

  async function waitFor(): Promise<true> {
    await condition(() => received !== undefined);
    return true;
  }

  /** The action's update answers once its step is recorded. */
  function done(): void {
    handled = seen;
  }

  function check(action: VoucherAction): void {
    const { actor } = action ?? {};
    if (!actor?.id) throw refuse(WorkflowFailureType.MalformedRequest, '缺少办理人');
    if (action.kind === 'activity') {
      if (actor.id !== claimant.id)
        throw refuse(WorkflowFailureType.NotTheVoucherParty, '只有申领企业可以登记服务活动');
      if (!action.providerId?.trim() || !action.description?.trim()) {
        throw refuse(WorkflowFailureType.MalformedRequest, '须写明服务机构和服务内容');
      }
    } else if (actor.role !== 'provider' || actor.id !== parts.activity?.providerId) {
      throw refuse(WorkflowFailureType.NotTheVoucherParty, '只有登记的服务机构可以办理此步骤');
    }
    if (action.kind === 'delivery') {
      if (!action.summary?.trim()) throw refuse(WorkflowFailureType.MalformedRequest, '须写明服务完成情况');
      const amount = action.amountFen ?? input.amountFen;
      if (!Number.isInteger(amount) || amount <= 0 || amount > input.amountFen) {
        throw refuse(WorkflowFailureType.MalformedRequest, '服务金额须大于 0 且不超过创新券面额');
      }
    }
    if (awaiting !== action.kind) {
      throw refuse(WorkflowFailureType.VoucherStepNotOpen, `创新券当前不能${stepZh[action.kind] ?? '办理此步骤'}`);
    }
  }

  async function reviewRedemption(): Promise<TaskDecision> {
    const due = await clock.deadline(programme.reviewPeriod, clock.legalNow());
    const decided = await openTask({
      taskId: `${voucherId}:voucher-redemption-review`,
      kind: 'voucher-redemption-review',
      caseId: voucherId,
      candidateGroup: officers,
      due,
      applicantId: claimant.id,
      priorApprovers: [],
      recordOn: TaskQueue.ScienceCommission,
    });
    parts.redemption = { ...parts.redemption!, reviewedBy: decided.decidedBy, reviewedAt: decided.decidedAt };
    if (decided.reason) parts.redemption.reason = decided.reason;
    if (decided.outcome === 'approve') {
      await record('VoucherRedemptionReviewed', decided.decidedBy, decided.reason ?? '审核通过', {
        outcome: decided.outcome,
      });
    }
    return decided;
  }

  /** Four-eyes: the reviewing officer may never pay; finance's refusal records why and asks again. */
  async function pay(reviewer: Actor): Promise<TaskDecision> {
    const due = await clock.deadline(programme.reviewPeriod, clock.legalNow());
    progress.moveTo('awaiting-payment');
    for (let attempt = 1; ; attempt++) {
      const decided = await openTask({
        taskId: `${voucherId}:voucher-payment:${attempt}`,
        kind: 'voucher-payment',
        caseId: voucherId,
        candidateGroup: finance,
        due,
        applicantId: claimant.id,
        priorApprovers: [reviewer.id],
        recordOn: TaskQueue.ScienceCommission,
      });
      if (decided.outcome === 'approve') return decided;
      await record('VoucherPaymentDeferred', decided.decidedBy, decided.reason ?? '', { attempt });
    }
  }

  async function end(
    status: 'lapsed' | 'expired' | 'redemption-rejected',
    type: VoucherFact['type'],
    reason: string,
    actor: Actor = system,
  ): Promise<VoucherStatus> {
    await release(status, 0);
    parts.ended = { because: status, at: now(), returnedFen: input.amountFen };
    progress.moveTo(status);
    await record(type, actor, reason, { returnedFen: input.amountFen });
    return finish();
  }

  function release(because: VoucherReleaseInput['because'], spentFen: number): Promise<void> {
    return science.releaseVoucher({ idempotencyKey: `${voucherId}:release`, voucherId, because, spentFen, at: now() });
  }

  function record(type: VoucherFact['type'], actor: Actor, reason: string, data: Record<string, unknown>) {
    // Facts are recorded in workflow order, so the sequence is the same on every replay.
    const idempotencyKey = `${voucherId}:fact:${++factSequence}`;
    return science.recordVoucherFact({ idempotencyKey, voucherId, type, actor, reason, at: now(), data });
  }

  async function finish(): Promise<VoucherStatus> {
    done();
    await condition(allHandlersFinished);
    return progress.snapshot();
  }
}
