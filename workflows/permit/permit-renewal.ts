import type { ApplicationFailure } from '@temporalio/common';
import { condition, patched, setHandler } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import type { PermitFact } from '../../libs/contracts/src/permits/permit-events';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { caseClock } from '../shared/case-clock';
import { currentTaskState, openTask } from '../shared/human-task';
import { type PermitInput, type RenewalRequest, renewalUpdate } from './definitions';
import type { PermitProgress } from './permit-progress';
import { watchValidity } from './validity-watch';

// Cases that renewed before the officer's review existed renewed on the holder's request alone; their histories replay
// on that path (no marker), every case from now on takes the review.
const RENEWAL_REVIEW_PATCH = 'permit-renewal-review';

export interface RenewalStage {
  input: PermitInput;
  clock: ReturnType<typeof caseClock>;
  progress: PermitProgress;
  base: { caseId: string; creditCode: string; permitCode: string };
  record: (step: string, fact: PermitFact, by: Actor | null, reason: string) => Promise<unknown>;
  refuse: (type: WorkflowFailureType, message: string) => ApplicationFailure;
}

/**
 * Validity and renewal (延续) of a granted permit: the holder applies for renewal, an officer of the permit's authority
 * reviews it (task `permit-renewal-review`); approval restarts the validity, refusal leaves the permit to expire at the
 * end of its last day. The renewal Update answers once the review task is open. Install before the workflow's first
 * await, so an early request is refused by the validator rather than lost.
 */
export function permitRenewal(stage: RenewalStage): { watch: () => Promise<void> } {
  const { input, clock, progress, base, record, refuse } = stage;
  const { caseId, applicant, item } = input;
  const { procedure } = item;
  let requested = false;
  let reviewing = false;
  let refusedOnce = false;

  setHandler(
    renewalUpdate,
    async () => {
      requested = true;
      await condition(() => !requested || reviewing);
      return progress.snapshot(currentTaskState());
    },
    {
      validator: ({ actor }: RenewalRequest) => {
        if (actor.id !== applicant.id) throw refuse(WorkflowFailureType.NotApplicant, '只有申请人可以申请延续');
        if (refusedOnce)
          throw refuse(WorkflowFailureType.NotRenewable, '延续申请已被不予延续，许可将于有效期届满时失效');
        if (progress.status !== 'granted' || !procedure.validity || requested)
          throw refuse(WorkflowFailureType.NotRenewable, '只有有效期内的许可可以申请延续');
      },
    },
  );

  async function review(): Promise<{ approved: boolean; by: Actor; reason: string }> {
    const due = await clock.deadline(procedure.decisionPeriod, clock.legalNow());
    const n = (progress.validity?.renewals ?? 0) + 1;
    progress.step('renewal', 'in-progress', { due, note: '延续申请审查中' });
    reviewing = true;
    const decided = await openTask({
      taskId: `${caseId}:renewal-review:${n}`,
      kind: 'permit-renewal-review',
      caseId,
      candidateGroup: { role: 'permit-officer', department: item.authority },
      due,
      applicantId: applicant.id,
      priorApprovers: [],
      recordOn: TaskQueue.Permits,
    });
    reviewing = false;
    const { outcome, decidedBy, reason = '' } = decided;
    return { approved: outcome === 'approve', by: decidedBy, reason };
  }

  async function renew(): Promise<boolean> {
    let by = applicant;
    let reason = '申请延续';
    if (patched(RENEWAL_REVIEW_PATCH)) {
      const decided = await review();
      if (!decided.approved) {
        refusedOnce = true;
        requested = false;
        const { lastDay } = progress.validity!;
        progress.step('renewal', 'rejected', { note: `不予延续：${decided.reason}；许可于${lastDay}届满后失效` });
        return false;
      }
      by = decided.by;
      reason = decided.reason || '准予延续';
    }
    const at = clock.legalNow();
    const validity = await clock.validity(procedure.validity!, at);
    const { validUntil, lastDay } = validity;
    const fact = { ...base, renewedBy: by, renewedAt: at.toISOString(), validUntil, lastValidDay: lastDay };
    const n = (progress.validity?.renewals ?? 0) + 1;
    await record(`renew:${n}`, { type: 'PermitRenewed', ...fact }, by, reason);
    progress.validity = { grantedAt: at.toISOString(), ...validity, renewals: n };
    progress.step('renewal', 'done', { note: `准予延续，有效期至${lastDay}` });
    requested = false;
    return true;
  }

  function watch(): Promise<void> {
    if (!procedure.validity) return Promise.resolve();
    return watchValidity({
      clock,
      progress,
      period: procedure.validity,
      reminderWorkingDays: procedure.renewalReminderWorkingDays,
      renewalRequested: () => requested,
      renew,
      remind: async (n) => {
        const { validUntil, lastDay } = progress.validity!;
        const fact = { ...base, validUntil, lastValidDay: lastDay, remindedAt: new Date().toISOString() };
        await record(`renewal-due:${n}`, { type: 'PermitRenewalDue', ...fact }, null, '有效期届满前提醒延续');
        progress.step('renewal', 'in-progress', { note: `请于${lastDay}前申请延续` });
      },
      expire: async () => {
        const { lastDay } = progress.validity!;
        const fact = { ...base, lastValidDay: lastDay, expiredAt: new Date().toISOString() };
        await record('expire', { type: 'PermitExpired', ...fact }, null, '有效期届满未延续');
        progress.moveTo('expired');
      },
    });
  }

  return { watch };
}
