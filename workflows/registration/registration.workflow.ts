import type { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { TaskDecision, TaskDue } from '../../libs/contracts/src/tasks/task.types';
import { deadlineOf, legacyDue } from '../shared/deadlines';
import { acceptTaskRequests, currentTaskState, openTask } from '../shared/human-task';
import type { RegistrationActivities } from './activities';
import {
  registrationStatusQuery,
  submissionUpdate,
  taxRecordOpenedSignal,
  type RegistrationInput,
  type RegistrationStatus,
} from './definitions';
import { nameStillApprovable } from './name-reexamination';
import { nameRefusalOf } from './name-refusal';
import { RegistrationProgress } from './registration-progress';
import { SupplementDesk } from './supplement-desk';

// Every activity is idempotent on its key, so retrying until the service is back is always safe.
const registration = proxyActivities<RegistrationActivities>({
  taskQueue: TaskQueue.Registration,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const reviewers = { role: 'registration-officer', department: 'market-regulation' } as const;
const now = () => new Date().toISOString();

/**
 * Establishment registration, 三证合一 (R1.1): submit → officer review (with request-info rounds) → license →
 * the tax record that tax opens on its own → the post-license permits to tell the registrant about (R2.1).
 */
export async function registrationWorkflow(input: RegistrationInput): Promise<RegistrationStatus> {
  const { caseId, applicant, policy, timeScale = 1 } = input;
  let application = input.application;
  const progress = new RegistrationProgress(caseId, applicant.id, timeScale);

  setHandler(registrationStatusQuery, () => progress.snapshot(currentTaskState()));
  setHandler(taxRecordOpenedSignal, (record) => progress.taxRecordOpened(record));
  acceptTaskRequests();
  let submission: { refused?: ApplicationFailure } | undefined;
  setHandler(submissionUpdate, async () => {
    await condition(() => submission !== undefined);
    if (submission?.refused) throw submission.refused;
    return progress.snapshot(currentTaskState());
  });
  const supplements = new SupplementDesk(applicant, async ({ actor, changes, note }, round) => {
    const key = `${caseId}:supplement:${round}`;
    try {
      await registration.supplementApplication({
        idempotencyKey: key,
        caseId,
        round,
        by: actor,
        changes,
        note,
        at: now(),
      });
    } catch (error) {
      throw nameRefusalOf(error) ?? error; // a refused name: the round stays open, the case keeps its name
    }
    application = { ...application, ...changes };
    progress.step('supplement', 'done', round);
    progress.moveTo('under-review');
    return progress.snapshot(currentTaskState());
  });

  progress.step('submit-application', 'in-progress');
  const submittedAt = now();
  try {
    await registration.submitApplication({
      idempotencyKey: `${caseId}:submit`,
      caseId,
      applicant,
      application,
      submittedAt,
    });
  } catch (error) {
    // A name the rules refuse never reaches an officer: the case ends here, refused, and its submitter is told why.
    const refused = nameRefusalOf(error);
    if (!refused) throw error;
    submission = { refused };
    progress.refused(refused);
    return finish();
  }
  submission = {};
  progress.step('submit-application', 'done');

  const decision = await reviewUntilDecided();
  if (decision.outcome === 'reject') {
    const { decidedBy, reason = '', decidedAt } = decision;
    await registration.rejectApplication({ idempotencyKey: `${caseId}:reject`, caseId, decidedBy, reason, decidedAt });
    progress.moveTo('rejected');
    return finish();
  }

  progress.moveTo('approved');
  progress.step('issue-license', 'in-progress');
  const { decidedBy: approvedBy, decidedAt: approvedAt } = decision;
  const licenseKey = `${caseId}:issue-license`;
  const license = await registration.issueLicense({
    idempotencyKey: licenseKey,
    caseId,
    approvedBy,
    approvedAt,
    application,
  });
  progress.licensed(license);

  // Tax opens the record from LicenseIssued on its own; a late record is shown as overdue, never given up on.
  progress.step('open-tax-record', 'in-progress');
  const taxRecordOpened = () => progress.taxRecord !== undefined;
  if (!(await condition(taxRecordOpened, policy.taxRecordTimeout))) {
    progress.step('open-tax-record', 'overdue');
    await condition(taxRecordOpened);
  }
  progress.step('open-tax-record', 'done');

  progress.step('determine-permits', 'in-progress');
  const permits = await registration.determineRequiredPermits({
    idempotencyKey: `${caseId}:determine-permits`,
    caseId,
    creditCode: license.creditCode,
    businessScope: application.businessScope,
    catalogueVersion: policy.permitCatalogueVersion,
  });
  progress.permitsDetermined(permits);
  progress.moveTo('completed');
  return finish();

  /** Review rounds until the officer approves or rejects; each request for information waits for a supplement. */
  async function reviewUntilDecided(): Promise<TaskDecision> {
    for (let round = 1; ; round++) {
      // The first round's time limit runs from the submission, each later one from the supplement that reopened it.
      const due = await reviewDue(round === 1 ? new Date(submittedAt) : new Date());
      progress.moveTo('under-review');
      progress.step('officer-review', 'in-progress', round, due);
      const decided = await openTask({
        taskId: `${caseId}:review:${round}`,
        kind: 'registration-review',
        caseId,
        candidateGroup: reviewers,
        due,
        applicantId: applicant.id,
        priorApprovers: [],
        recordOn: TaskQueue.Registration,
        // Cases that reached review before the re-examination existed replay as they ran.
        ...(patched('review-reexamines-name') && { beforeApprove: nameStillApprovable(caseId) }),
      });
      if (decided.outcome !== 'request-info') {
        progress.step('officer-review', decided.outcome === 'approve' ? 'done' : 'rejected', round);
        return decided;
      }
      progress.step('officer-review', 'information-requested', round);
      progress.moveTo('information-requested');
      progress.step('supplement', 'in-progress', round);
      await supplements.receive(round);
    }
  }

  async function reviewDue(from: Date): Promise<TaskDue> {
    if (policy.reviewPeriod) return deadlineOf(policy.reviewPeriod, from, timeScale);
    if (policy.reviewDueIn) return legacyDue(policy.reviewDueIn, from);
    throw new Error('the registration policy has no review period'); // fails the workflow task until fixed
  }

  async function finish(): Promise<RegistrationStatus> {
    // Refused attempts that are still being recorded finish first, so none is lost when the case closes.
    await condition(allHandlersFinished);
    return progress.snapshot();
  }
}
