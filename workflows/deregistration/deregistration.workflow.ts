import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type {
  DeregistrationActivities,
  DeregistrationObjection,
} from '../../libs/contracts/src/deregistration/deregistration-activities';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { TaskDecision, TaskDue } from '../../libs/contracts/src/tasks/task.types';
import { caseClock } from '../shared/case-clock';
import { acceptTaskRequests, currentTaskState, openTask } from '../shared/human-task';
import {
  applicationUpdate,
  type ConfirmationRequest,
  confirmationUpdate,
  type DeregistrationInput,
  type DeregistrationStatus,
  deregistrationStatusQuery,
  type ObjectionRequest,
  objectionUpdate,
  taxAnswerSignal,
} from './definitions';
import { DeregistrationProgress } from './deregistration-progress';
import { deregistrationRefusalOf } from './deregistration-refusal';

// Every activity is idempotent on its key, so retrying until the service is back is always safe.
const registration = proxyActivities<DeregistrationActivities>({
  taskQueue: TaskQueue.Registration,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const reviewers = { role: 'registration-officer', department: 'market-regulation' } as const;
const now = () => new Date().toISOString();
const untilDue = (due: TaskDue) => Math.max(Date.parse(due.dueAt) - Date.now(), 1);
const refuse = (type: WorkflowFailureType, message: string) => ApplicationFailure.create({ type, message });

/**
 * Simplified deregistration (简易注销, R3): application (eligibility and every investor's commitment, checked by market
 * regulation) → public announcement with objections until its end, tax answering by event → the enterprise confirms
 * within the window (extendable once) or the case lapses → officer review (refuse only, when objected) → deregistered.
 */
export async function deregistrationWorkflow(input: DeregistrationInput): Promise<DeregistrationStatus> {
  const { caseId, applicant, application, policy, timeScale } = input;
  const progress = new DeregistrationProgress(caseId, applicant.id, timeScale, policy.version);
  const clock = caseClock(timeScale);
  let accepted: { refused?: ApplicationFailure } | undefined;
  let announcementOpen = false;
  let awaitingConfirmation = false;
  let extendRequested = false;
  let confirmedBy: DeregistrationInput['applicant'] | undefined;

  setHandler(deregistrationStatusQuery, () => progress.snapshot(currentTaskState()));
  setHandler(taxAnswerSignal, (answer) => progress.taxAnswered(answer));
  acceptTaskRequests();
  setHandler(applicationUpdate, async () => {
    await condition(() => accepted !== undefined);
    if (accepted?.refused) throw accepted.refused;
    return progress.snapshot(currentTaskState());
  });
  setHandler(
    objectionUpdate,
    async ({ actor, name, reason, contact }) => {
      const objectionId = `${caseId}:objection:${progress.objections.length + 1}`;
      const objection: DeregistrationObjection = { objectionId, by: actor, name, reason, contact, lodgedAt: now() };
      progress.objections.push(objection);
      await registration.recordDeregistrationObjection({ idempotencyKey: objectionId, caseId, objection });
      return progress.snapshot(currentTaskState());
    },
    {
      validator: ({ reason, contact }: ObjectionRequest) => {
        if (!announcementOpen)
          throw refuse(WorkflowFailureType.AnnouncementClosed, '公告期已结束或未开始，不再受理异议');
        if (!reason?.trim()) throw refuse(WorkflowFailureType.ReasonRequired, '异议须写明理由');
        if (!contact?.trim()) throw refuse(WorkflowFailureType.MalformedRequest, 'contact: 异议须留联系方式');
      },
    },
  );
  setHandler(
    confirmationUpdate,
    async ({ extend }) => {
      if (extend) {
        extendRequested = true;
        await condition(() => progress.confirmationExtended); // answers with the longer window
      } else confirmedBy = applicant;
      return progress.snapshot(currentTaskState());
    },
    {
      validator: ({ actor, extend }: ConfirmationRequest) => {
        if (actor.id !== applicant.id) throw refuse(WorkflowFailureType.NotApplicant, '只有申请人可以确认注销申请');
        if (!awaitingConfirmation) throw refuse(WorkflowFailureType.NotAwaitingConfirmation, '当前无需确认');
        if (extend && extendRequested) throw refuse(WorkflowFailureType.AlreadyExtended, '确认期限只能延长一次');
      },
    },
  );

  progress.step('apply', 'in-progress');
  try {
    progress.enterprise = await registration.applyForDeregistration({
      idempotencyKey: `${caseId}:apply`,
      caseId,
      applicant,
      application,
      appliedAt: now(),
    });
  } catch (error) {
    const refused = deregistrationRefusalOf(error);
    if (!refused) throw error;
    accepted = { refused };
    progress.refused(refused);
    return finish();
  }
  accepted = {};
  progress.step('apply', 'done');

  const announces = progress.enterprise.entityType !== 'individual-business' || policy.individualBusinessesAnnounce;
  if (announces) {
    await announce();
    if (!(await confirmed())) {
      const reason = '公告期满后未在期限内确认注销申请';
      await registration.lapseDeregistration({
        idempotencyKey: `${caseId}:lapse`,
        caseId,
        by: applicant,
        reason,
        at: now(),
      });
      progress.step('confirmation', 'lapsed');
      progress.moveTo('lapsed');
      return finish();
    }
    await condition(() => progress.taxAnswer !== undefined); // tax answers the day after the period at the latest
  } else {
    progress.step('announcement', 'skipped');
  }

  const decision = await review();
  if (decision.outcome === 'approve') {
    progress.step('deregister', 'in-progress');
    const { decidedBy: by, decidedAt: at, reason = '' } = decision;
    await registration.deregisterEnterprise({ idempotencyKey: `${caseId}:deregister`, caseId, by, reason, at });
    progress.step('deregister', 'done');
    progress.moveTo('deregistered');
  } else {
    const { decidedBy: by, decidedAt: at, reason = '' } = decision;
    const objections = progress.objections;
    await registration.refuseDeregistration({ idempotencyKey: `${caseId}:refuse`, caseId, by, reason, at, objections });
    progress.moveTo('rejected');
  }
  return finish();

  async function announce(): Promise<void> {
    const startedAt = clock.legalNow();
    const due = await clock.deadline(policy.announcementPeriod, startedAt);
    await registration.startDeregistrationAnnouncement({
      idempotencyKey: `${caseId}:announce`,
      caseId,
      startedAt: startedAt.toISOString(),
      legalEndsAt: due.legalDueAt,
      endsAtCalendar: due.dueAtCalendar,
      timeScale,
      policyVersion: policy.version,
    });
    announcementOpen = true;
    progress.announcing(startedAt, due);
    await condition(() => false, untilDue(due));
    announcementOpen = false;
    progress.announcementClosed();
  }

  /** The confirmation window from the period's end; one extension to the longer window, from the same start. */
  async function confirmed(): Promise<boolean> {
    const from = clock.legalNow();
    let due = await clock.deadline(policy.confirmationPeriod, from);
    let extended = false;
    progress.awaitingConfirmation(due);
    awaitingConfirmation = true;
    for (;;) {
      const answered = await condition(() => confirmedBy !== undefined || extendRequested !== extended, untilDue(due));
      if (confirmedBy) break;
      if (!answered) {
        awaitingConfirmation = false;
        return false;
      }
      extended = true;
      due = await clock.deadline(policy.extendedConfirmationPeriod, from);
      progress.awaitingConfirmation(due, true);
    }
    awaitingConfirmation = false;
    const at = now();
    await registration.recordDeregistrationConfirmed({
      idempotencyKey: `${caseId}:confirm`,
      caseId,
      by: confirmedBy,
      reason: extended ? '在延长的期限内确认' : '在期限内确认',
      at,
      extended,
    });
    progress.confirmed();
    return true;
  }

  async function review(): Promise<TaskDecision> {
    const due = await clock.deadline(policy.reviewPeriod, clock.legalNow());
    progress.moveTo('under-review');
    progress.step('officer-review', 'in-progress', due);
    const decided = await openTask({
      taskId: `${caseId}:review`,
      kind: 'deregistration-review',
      caseId,
      candidateGroup: reviewers,
      due,
      applicantId: applicant.id,
      priorApprovers: [],
      recordOn: TaskQueue.Registration,
      // R3.2: with any objection lodged (tax's included) the officer may only refuse, and the refusal lists them.
      beforeApprove: () => {
        const objections = progress.allObjections;
        if (objections.length === 0) return Promise.resolve({ ok: true });
        const message = `已有异议，只能不予注销：${objections.join('；')}`;
        return Promise.resolve({ ok: false, failure: WorkflowFailureType.ObjectionsLodged, message });
      },
    });
    progress.step('officer-review', decided.outcome === 'approve' ? 'done' : 'rejected');
    return decided;
  }

  async function finish(): Promise<DeregistrationStatus> {
    await condition(allHandlersFinished);
    return progress.snapshot();
  }
}
