import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import type { GrantActivities, GrantFact, GrantObjection } from '../../libs/contracts/src/science/grant-activities';
import { GrantRefusalType } from '../../libs/contracts/src/science/grant-activities';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { TaskDecision, TaskDue } from '../../libs/contracts/src/tasks/task.types';
import { expertVerdict } from '../../libs/policy/src/maker-space/grant-programmes';
import { caseClock } from '../shared/case-clock';
import { acceptTaskRequests, openTask } from '../shared/human-task';
import type { Verdict } from '../shared/human-task';
import {
  grantApplicationUpdate,
  type GrantInput,
  grantObjectionUpdate,
  type GrantObjectionRequest,
  type GrantStatus,
  grantStatusQuery,
} from './definitions';
import { GrantProgress } from './grant-progress';

const science = proxyActivities<GrantActivities>({
  taskQueue: TaskQueue.ScienceCommission,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const officers = { role: 'science-officer', department: 'science-commission' } as const;
const experts = { role: 'expert-reviewer', department: 'expert-panel' } as const;
const finance = { role: 'finance-officer', department: 'finance' } as const;
const system: Actor = { id: 'science-commission-service', role: 'science-officer', department: 'science-commission' };
const now = () => new Date().toISOString();
const untilDue = (due: TaskDue) => Math.max(Date.parse(due.dueAt) - Date.now(), 1);
const refuse = (type: WorkflowFailureType, message: string) => ApplicationFailure.create({ type, message });
const refusal = (failure: WorkflowFailureType, message: string): Verdict => ({ ok: false, failure, message });
const refusalTypes: readonly string[] = Object.values(GrantRefusalType);
const scorePattern = /^score:(\d{1,3})$/;

/**
 * One grant application through the pipeline of R4.3: eligibility (once per entity and programme, within budget) →
 * officer review → expert review where the programme asks → public notice (公示) with objections → payment by a
 * finance officer who took no earlier part (four-eyes) → publication of the paid grant (上网公示).
 */
export async function grantWorkflow(input: GrantInput): Promise<GrantStatus> {
  const { caseId, applicant, programme, timeScale } = input;
  const progress = new GrantProgress(input);
  const clock = caseClock(timeScale);
  /** Everyone who reviewed, scored or resolved an objection: none of them may pay. */
  const participants: string[] = [];
  let noticeOpen = false;
  let factSequence = 0;
  let eligibility: { refused?: ApplicationFailure } | undefined;
  let held: { enterpriseName: string };

  setHandler(grantStatusQuery, () => progress.snapshot());
  setHandler(grantApplicationUpdate, async () => {
    await condition(() => eligibility !== undefined);
    if (eligibility?.refused) throw eligibility.refused;
    return progress.snapshot();
  });
  acceptTaskRequests();
  setHandler(
    grantObjectionUpdate,
    async ({ actor, realName, reason, evidence, anonymous = false }) => {
      const objectionId = `${caseId}:objection:${progress.objections.length + 1}`;
      const lodged: GrantObjection = {
        objectionId,
        caseId,
        by: actor,
        realName,
        anonymous,
        reason: reason.trim(),
        ...(evidence?.trim() && { evidence: evidence.trim() }),
        lodgedAt: now(),
        status: 'open',
      };
      if (anonymous && !evidence?.trim()) {
        // Recorded with its reason, so the objector and the audit see why it does not count.
        lodged.status = 'rejected';
        lodged.resolution = { reason: '匿名异议未提供证据，不予受理', at: lodged.lodgedAt };
      }
      progress.objections.push(lodged);
      await record('GrantObjectionLodged', actor, lodged.reason, { objection: lodged });
      if (lodged.status === 'open') void reviewObjection(lodged);
      return { ...lodged };
    },
    {
      validator: ({ actor, realName, reason }: GrantObjectionRequest) => {
        if (!noticeOpen) throw refuse(WorkflowFailureType.NoticeClosed, '公示期已结束或尚未开始，不再受理异议');
        if (!actor?.id || !realName?.trim()) throw refuse(WorkflowFailureType.MalformedRequest, '异议须实名提出');
        if (!reason?.trim()) throw refuse(WorkflowFailureType.ReasonRequired, '异议须写明理由');
      },
    },
  );

  progress.step('eligibility', 'in-progress');
  try {
    held = await science.holdGrant({
      idempotencyKey: `${caseId}:hold`,
      ...(applicant.role === 'registrant' && { applicantId: applicant.id }),
      caseId,
      programmeCode: programme.code,
      creditCode: input.creditCode,
      amountFen: input.amountFen,
      budgetFen: programme.budgetFen,
      at: now(),
    });
  } catch (error) {
    const cause = (error as { cause?: ApplicationFailure }).cause;
    if (!cause?.type || !refusalTypes.includes(cause.type)) throw error;
    progress.refused(cause.type, cause.message);
    eligibility = { refused: ApplicationFailure.create({ type: cause.type, message: cause.message }) };
    return finish();
  }
  eligibility = {};
  progress.enterpriseName = held.enterpriseName;
  progress.step('eligibility', 'done');
  await record('GrantApplied', applicant, '申请资金支持', {
    programmeCode: programme.code,
    programmeVersion: input.programmeVersion,
    creditCode: input.creditCode,
    enterpriseName: held.enterpriseName,
    amountFen: input.amountFen,
    ...(input.recognitionCaseId && { recognitionCaseId: input.recognitionCaseId }),
  });

  const review = await officerReview();
  if (review.outcome !== 'approve') return reject('officer-review', review);

  if (programme.expertReview) {
    const passed = await expertReview(programme.expertReview);
    if (!passed) return reject('expert-review', undefined);
  } else progress.step('expert-review', 'skipped');

  await publicNotice();
  if (progress.openObjections.length > 0) {
    progress.moveTo('objections-open');
    progress.step('objection-review', 'in-progress');
  }
  await condition(() => progress.openObjections.length === 0); // payment stays blocked while any objection is open
  const upheld = progress.objections.filter((o) => o.status === 'upheld');
  const reviewed = progress.objections.some((o) => o.status === 'dismissed') || upheld.length > 0;
  if (reviewed) progress.step('objection-review', upheld.length > 0 ? 'withdrawn' : 'done');
  if (upheld.length > 0) return withdraw(upheld);

  const payment = await pay();
  progress.paid(payment.decidedBy, payment.decidedAt);
  await record('GrantPaid', payment.decidedBy, payment.reason ?? '已拨付', { amountFen: input.amountFen });
  const publishedAt = now();
  await record('GrantPublished', system, '资金拨付结果上网公示', { amountFen: input.amountFen, publishedAt });
  progress.publishedAt(publishedAt);
  return finish();

  async function officerReview(): Promise<TaskDecision> {
    const due = await clock.deadline(programme.reviewPeriod, clock.legalNow());
    progress.moveTo('under-review');
    progress.step('officer-review', 'in-progress', due);
    const decided = await openTask({
      taskId: `${caseId}:grant-review`,
      kind: 'grant-review',
      caseId,
      candidateGroup: officers,
      due,
      applicantId: applicant.id,
      priorApprovers: [],
      recordOn: TaskQueue.ScienceCommission,
    });
    participants.push(decided.decidedBy.id);
    const reason = decided.reason ?? '审核通过';
    await record('GrantReviewed', decided.decidedBy, reason, { outcome: decided.outcome });
    progress.step('officer-review', decided.outcome === 'approve' ? 'done' : 'rejected');
    return decided;
  }

  /**
   * One seat per expert the rule asks for, all open at once. An expert scores by approving with `score:<0–100>`, or
   * declares a conflict by rejecting with the reason: the seat reopens for another expert, and whoever scored or
   * declared a conflict may take no other seat of this case.
   */
  async function expertReview(rule: NonNullable<GrantInput['programme']['expertReview']>): Promise<boolean> {
    const due = await clock.deadline(programme.reviewPeriod, clock.legalNow());
    progress.moveTo('expert-review');
    progress.step('expert-review', 'in-progress', due);
    const panelBarred = [...participants];
    const seat = async (seatNo: number): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        const decided = await openTask({
          taskId: `${caseId}:expert-review:${seatNo}:${attempt}`,
          kind: 'expert-review',
          caseId,
          candidateGroup: experts,
          due,
          applicantId: applicant.id,
          priorApprovers: panelBarred, // grows as experts score or declare a conflict
          recordOn: TaskQueue.ScienceCommission,
          beforeApprove: ({ confirms }) => Promise.resolve(scoreIn(confirms)),
        });
        panelBarred.push(decided.decidedBy.id);
        participants.push(decided.decidedBy.id);
        if (decided.outcome === 'approve') {
          const score = Number(scorePattern.exec(decided.confirms?.find((c) => scorePattern.test(c)) ?? '')?.[1]);
          const scored = { expert: decided.decidedBy, score, at: decided.decidedAt, comment: decided.reason };
          progress.scores.push(scored);
          await record('GrantExpertScored', decided.decidedBy, decided.reason ?? '评分', { score, seat: seatNo });
          return;
        }
        const conflict = { expert: decided.decidedBy, reason: decided.reason ?? '', at: decided.decidedAt };
        progress.conflicts.push(conflict);
        await record('GrantExpertConflictDeclared', decided.decidedBy, conflict.reason, { seat: seatNo });
      }
    };
    await Promise.all(Array.from({ length: rule.experts }, (_, i) => seat(i + 1)));
    const verdict = expertVerdict(
      rule,
      progress.scores.map((s) => s.score),
    );
    progress.step('expert-review', verdict === 'passed' ? 'done' : 'failed');
    return verdict === 'passed';
  }

  async function publicNotice(): Promise<void> {
    const startedAt = clock.legalNow();
    const due = await clock.deadline(programme.noticePeriod, startedAt);
    const noticeId = `${caseId}:notice`;
    await record('PublicNoticeStarted', system, '拟资助项目公示', {
      noticeId,
      startedAt: startedAt.toISOString(),
      legalEndsAt: due.legalDueAt,
      endsAtCalendar: due.dueAtCalendar,
      programmeCode: programme.code,
      enterpriseName: held.enterpriseName,
      amountFen: input.amountFen,
    });
    noticeOpen = true;
    progress.notice = { noticeId, startedAt: startedAt.toISOString(), due, open: true };
    progress.moveTo('on-public-notice');
    progress.step('public-notice', 'in-progress', due);
    await condition(() => false, untilDue(due));
    noticeOpen = false;
    progress.notice = { ...progress.notice, open: false };
    progress.step('public-notice', 'done');
    await record('PublicNoticeClosed', system, '公示期满', { noticeId, objections: progress.objections.length });
  }

  /** Approve upholds the objection (the grant is withdrawn), reject dismisses it; both with a reason. */
  async function reviewObjection(objection: GrantObjection): Promise<void> {
    const due = await clock.deadline(programme.reviewPeriod, clock.legalNow());
    const decided = await openTask({
      taskId: `${objection.objectionId}:review`,
      kind: 'objection-review',
      caseId,
      candidateGroup: officers,
      due,
      applicantId: applicant.id,
      priorApprovers: [objection.by.id],
      recordOn: TaskQueue.ScienceCommission,
      beforeApprove: ({ reason }) =>
        Promise.resolve<Verdict>(
          reason?.trim() ? { ok: true } : refusal(WorkflowFailureType.ReasonRequired, '认定异议成立须写明理由'),
        ),
    });
    participants.push(decided.decidedBy.id);
    objection.status = decided.outcome === 'approve' ? 'upheld' : 'dismissed';
    objection.resolution = { reason: decided.reason ?? '', by: decided.decidedBy, at: decided.decidedAt };
    await record('GrantObjectionResolved', decided.decidedBy, objection.resolution.reason, {
      objectionId: objection.objectionId,
      status: objection.status,
    });
  }

  async function pay(): Promise<TaskDecision> {
    const due = await clock.deadline(programme.reviewPeriod, clock.legalNow());
    progress.moveTo('awaiting-payment');
    progress.step('payment', 'in-progress', due);
    for (let attempt = 1; ; attempt++) {
      const decided = await openTask({
        taskId: `${caseId}:grant-payment:${attempt}`,
        kind: 'grant-payment',
        caseId,
        candidateGroup: finance,
        due,
        applicantId: applicant.id,
        priorApprovers: participants,
        recordOn: TaskQueue.ScienceCommission,
      });
      if (decided.outcome === 'approve') return decided;
      // Finance does not overturn the commission's grant: a rejection records why payment waits, and it is asked again.
      await record('GrantReviewed', decided.decidedBy, decided.reason ?? '', {
        outcome: decided.outcome,
        step: 'payment',
      });
    }
  }

  async function reject(step: 'officer-review' | 'expert-review', decision: TaskDecision | undefined) {
    const reason = decision?.reason ?? '专家评审未通过';
    await science.releaseGrant({ idempotencyKey: `${caseId}:release`, caseId, because: 'rejected', at: now() });
    await record('GrantRejected', decision?.decidedBy ?? system, reason, { step });
    progress.moveTo('rejected');
    return finish();
  }

  async function withdraw(upheld: GrantObjection[]) {
    const reason = `异议成立：${upheld.map((o) => o.resolution?.reason ?? o.reason).join('；')}`;
    await science.releaseGrant({ idempotencyKey: `${caseId}:release`, caseId, because: 'withdrawn', at: now() });
    await record('GrantWithdrawn', upheld[0]?.resolution?.by ?? system, reason, {
      objectionIds: upheld.map((o) => o.objectionId),
    });
    progress.moveTo('withdrawn');
    return finish();
  }

  function record(type: GrantFact['type'], actor: Actor, reason: string, data: Record<string, unknown>) {
    // Facts are recorded in workflow order, so the sequence is the same on every replay.
    const idempotencyKey = `${caseId}:fact:${++factSequence}`;
    return science.recordGrantFact({ idempotencyKey, caseId, type, actor, reason, at: now(), data });
  }

  async function finish(): Promise<GrantStatus> {
    await condition(allHandlersFinished);
    return progress.snapshot();
  }
}

function scoreIn(confirms: string[] | undefined): Verdict {
  const scores = (confirms ?? []).filter((c) => scorePattern.test(c));
  const score = Number(scorePattern.exec(scores[0] ?? '')?.[1]);
  if (scores.length !== 1 || !(score >= 0 && score <= 100)) {
    return refusal(WorkflowFailureType.MalformedRequest, '评分须为 0–100 的整数（confirms: ["score:<分数>"]）');
  }
  return { ok: true };
}
