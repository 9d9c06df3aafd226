import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import type { CreditActivities, PermitActivities } from '../../libs/contracts/src/permits/permit-activities';
import type { PermitFact } from '../../libs/contracts/src/permits/permit-events';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { TaskDecision } from '../../libs/contracts/src/tasks/task.types';
import { caseClock } from '../shared/case-clock';
import { acceptTaskRequests, currentTaskState, openTask, openTaskUntilDue } from '../shared/human-task';
import {
  applicationUpdate,
  type EnterpriseDeregisteredNotice,
  enterpriseDeregisteredSignal,
  type PermitInput,
  type PermitStatus,
  permitStatusQuery,
  type SupplyMaterialsRequest,
  supplyMaterialsUpdate,
} from './definitions';
import { endPermitCase } from './permit-ending';
import { PermitProgress } from './permit-progress';
import { permitRenewal } from './permit-renewal';

const retrying = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' } as const;
const permits = proxyActivities<PermitActivities>({
  taskQueue: TaskQueue.Permits,
  startToCloseTimeout: '1 minute',
  retry: retrying,
});
const credit = proxyActivities<CreditActivities>({
  taskQueue: TaskQueue.Registration,
  startToCloseTimeout: '1 minute',
  retry: retrying,
});

const refusalTypes: readonly string[] = [WorkflowFailureType.PermitCaseOpen, WorkflowFailureType.CoveredByOtherPermit];
const now = () => new Date().toISOString();
const refuse = (type: WorkflowFailureType, message: string) =>
  ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * One permit case at one authority (先照后证, R2.2–R2.4), id `permit-<caseId>`: standard approval (one missing-materials
 * notice within the period or deemed accepted, then the officer's decision within the item's time limit), 告知承诺
 * (granted at once on a signed commitment unless the credit record bars it; a share of grants spot-checked), or a
 * filing (recorded at once). A granted permit is watched to its expiry: reminder, renewal, expiry (permit-renewal.ts).
 * The enterprise's deregistration (a signal) ends a running case: its timers and activities are cancelled, its open
 * tasks lapse (permit-ending.ts).
 */
export async function permitWorkflow(input: PermitInput): Promise<PermitStatus> {
  const { caseId, applicant, enterprise, item, route, timeScale } = input;
  const { procedure } = item;
  const progress = new PermitProgress(input);
  const clock = caseClock(timeScale);
  const base = { caseId, creditCode: enterprise.creditCode, permitCode: item.code };
  const officers = { role: 'permit-officer', department: item.authority } as const;
  let accepted: { refused?: ApplicationFailure } | undefined;
  let supplied: Record<string, string> | undefined;
  let deregistered: EnterpriseDeregisteredNotice | undefined;

  const record = (step: string, fact: PermitFact, by: Actor | null, reason: string) =>
    permits.recordPermitFact({ idempotencyKey: `${caseId}:${step}`, fact, by, reason });

  setHandler(permitStatusQuery, () => progress.snapshot(currentTaskState()));
  setHandler(enterpriseDeregisteredSignal, (notice) => void (deregistered ??= notice));
  acceptTaskRequests();
  setHandler(applicationUpdate, async () => {
    await condition(() => accepted !== undefined);
    if (accepted?.refused) throw accepted.refused;
    return progress.snapshot(currentTaskState());
  });
  setHandler(
    supplyMaterialsUpdate,
    ({ materials }) => {
      supplied = materials;
      return progress.snapshot(currentTaskState());
    },
    {
      validator: ({ actor }: SupplyMaterialsRequest) => {
        if (actor.id !== applicant.id) throw refuse(WorkflowFailureType.NotApplicant, '只有申请人可以补正材料');
        if (progress.status !== 'awaiting-materials' || supplied)
          throw refuse(WorkflowFailureType.NotAwaitingMaterials, '当前无需补正材料');
      },
    },
  );
  const { watch } = permitRenewal({ input, clock, progress, base, record, refuse });

  const caseScope = new CancellationScope();
  const ran = caseScope.run(runCase);
  const endRequested = condition(() => deregistered !== undefined).then(() => undefined);
  if ((await Promise.race([ran, endRequested])) === undefined) {
    caseScope.cancel();
    // Not awaited: a case waiting on an escalated task's decision holds a plain promise that cancelling never settles.
    void ran.catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
    accepted ??= {}; // an application update still waiting answers with the ended case
    const recordEnded = (fact: PermitFact, causationId: string) =>
      permits.recordPermitFact({ idempotencyKey: `${caseId}:end`, fact, by: null, reason: '企业已注销', causationId });
    await endPermitCase({ progress, base, notice: deregistered!, recordEnded });
  }
  return finish();

  async function runCase(): Promise<PermitStatus> {
    progress.step('apply', 'in-progress');
    try {
      const { materials } = input;
      const fact = { ...base, enterpriseName: enterprise.name, nameZh: item.nameZh, authority: item.authority };
      const applied = {
        ...fact,
        route,
        catalogueVersion: item.catalogueVersion,
        materials,
        applicant,
        appliedAt: now(),
      };
      await record('apply', { type: 'PermitApplied', ...applied }, applicant, `申请${item.nameZh}`);
    } catch (error) {
      const refused = refusalOf(error);
      if (!refused) throw error;
      return refuseAtOnce(refused);
    }
    if (route === 'commitment') {
      const { marks } = await credit.readCreditRecord({ creditCode: enterprise.creditCode });
      if (marks.length > 0) {
        const reason = `申请人有${marks.map((m) => m.reason).join('；')}，不得适用告知承诺制（R2.3），可按一般程序申请`;
        const at = now();
        const fact = { ...base, because: 'credit' as const, reason, refusedBy: applicant, refusedAt: at };
        await record('refuse', { type: 'PermitRefused', ...fact }, null, reason);
        return refuseAtOnce(refuse(WorkflowFailureType.CommitmentRouteClosed, reason));
      }
    }
    progress.step('apply', 'done');

    if (route === 'filing') {
      const filingNumber = `备${item.code}-${caseId}`;
      await record('file', { type: 'PermitFiled', ...base, filingNumber, filedAt: now() }, applicant, '备案');
      progress.permitNumber = filingNumber;
      progress.step('filing', 'done');
      progress.moveTo('filed');
      accepted = {};
      return finish();
    }

    if (route === 'commitment') {
      const signedAt = input.commitment?.signedAt ?? now();
      const conditionsVersion = input.commitment?.conditionsVersion ?? procedure.conditions?.version ?? '';
      const fact = { ...base, conditionsVersion, signedBy: applicant, signedAt };
      await record(
        'commit',
        { type: 'CommitmentSigned', ...fact },
        applicant,
        `签署告知承诺书（${conditionsVersion}）`,
      );
      progress.step('commitment', 'done', { note: conditionsVersion });
      await grant(applicant, '告知承诺，当场准予许可');
      const selected = pickForSpotCheck();
      accepted = {}; // the applicant learns of the grant at once
      await Promise.all([spotCheck(selected), watch()]);
      return finish();
    }

    accepted = {};
    if (!(await materialsAccepted())) return finish();
    const decision = await review();
    if (decision.outcome !== 'approve') {
      const { decidedBy, decidedAt, reason = '' } = decision;
      const fact = { ...base, because: 'decision' as const, reason, refusedBy: decidedBy, refusedAt: decidedAt };
      await record('refuse', { type: 'PermitRefused', ...fact }, decidedBy, reason);
      progress.decision = { outcome: 'reject', reason, by: decidedBy, at: decidedAt };
      progress.moveTo('refused');
      return finish();
    }
    progress.decision = { outcome: 'approve', reason: decision.reason, by: decision.decidedBy, at: decision.decidedAt };
    await grant(decision.decidedBy, decision.reason || '准予许可');
    await watch();
    return finish();
  }

  async function refuseAtOnce(refused: ApplicationFailure): Promise<PermitStatus> {
    accepted = { refused };
    progress.refusal = { type: refused.type ?? 'Refused', message: refused.message };
    progress.step('apply', 'refused', { note: refused.message });
    progress.moveTo('refused');
    return finish();
  }

  /** One notice of missing materials within the period, else accepted when it passes (a timer, recorded). */
  async function materialsAccepted(): Promise<boolean> {
    const due = await clock.deadline(procedure.materialsNoticePeriod, clock.legalNow());
    progress.step('materials', 'in-progress', { due });
    const checked = await openTaskUntilDue(
      {
        taskId: `${caseId}:materials`,
        kind: 'permit-materials',
        caseId,
        candidateGroup: officers,
        due,
        applicantId: applicant.id,
        priorApprovers: [],
        recordOn: TaskQueue.Permits,
      },
      '5个工作日内未告知补正，申请视为受理',
    );
    if (checked === 'lapsed') {
      const fact = { ...base, noticeDueAt: due.legalDueAt, acceptedAt: now() };
      await record('deemed-accepted', { type: 'ApplicationDeemedAccepted', ...fact }, null, '逾期未告知补正，视为受理');
      progress.step('materials', 'deemed-accepted', { due });
      return true;
    }
    const { outcome, decidedBy, decidedAt, reason = '' } = checked;
    if (outcome === 'approve') {
      progress.step('materials', 'done', { due });
      return true;
    }
    if (outcome === 'reject') {
      const fact = { ...base, because: 'decision' as const, reason, refusedBy: decidedBy, refusedAt: decidedAt };
      await record('refuse', { type: 'PermitRefused', ...fact }, decidedBy, reason);
      progress.decision = { outcome: 'reject', reason, by: decidedBy, at: decidedAt };
      progress.step('materials', 'rejected', { due, note: reason });
      progress.moveTo('refused');
      return false;
    }
    const requested = { ...base, missing: reason, requestedBy: decidedBy, requestedAt: decidedAt };
    await record('materials-requested', { type: 'MaterialsRequested', ...requested }, decidedBy, reason);
    progress.step('materials', 'requested', { due, note: reason });
    progress.moveTo('awaiting-materials');
    await condition(() => supplied !== undefined);
    const fact = { ...base, materials: supplied ?? {}, suppliedBy: applicant, suppliedAt: now() };
    await record('materials-supplied', { type: 'MaterialsSupplied', ...fact }, applicant, '补正材料');
    progress.step('materials', 'done', { due });
    return true;
  }

  async function review(): Promise<TaskDecision> {
    const due = await clock.deadline(procedure.decisionPeriod, clock.legalNow());
    progress.moveTo('under-review');
    progress.step('review', 'in-progress', { due });
    const decided = await openTask({
      taskId: `${caseId}:review`,
      kind: 'permit-review',
      caseId,
      candidateGroup: officers,
      due,
      applicantId: applicant.id,
      priorApprovers: [],
      recordOn: TaskQueue.Permits,
    });
    progress.step('review', decided.outcome === 'approve' ? 'done' : 'rejected', { due });
    return decided;
  }

  async function grant(by: Actor, reason: string): Promise<void> {
    const grantedAt = clock.legalNow();
    const permitNumber = `${item.code}-${caseId}`;
    const validity = procedure.validity ? await clock.validity(procedure.validity, grantedAt) : undefined;
    const validUntil = validity?.validUntil ?? '';
    const lastValidDay = validity?.lastDay ?? '';
    const grantRoute = route === 'commitment' ? 'commitment' : 'standard';
    const fact = { ...base, route: grantRoute, permitNumber, grantedBy: by, grantedAt: grantedAt.toISOString() };
    await record('grant', { type: 'PermitGranted', ...fact, validUntil, lastValidDay } as PermitFact, by, reason);
    progress.permitNumber = permitNumber;
    if (validity) progress.validity = { grantedAt: fact.grantedAt, ...validity, renewals: 0 };
    progress.moveTo('granted');
  }

  /** 随机抽查: the workflow's deterministic randomness picks the policy's share of commitment grants. */
  function pickForSpotCheck(): boolean {
    const sharePercent = procedure.spotCheck?.sharePercent ?? 0;
    const selected = Math.random() * 100 < sharePercent;
    progress.spotCheck = { selected, sharePercent };
    return selected;
  }

  async function spotCheck(selected: boolean): Promise<void> {
    if (!selected || !procedure.spotCheck || !progress.spotCheck) return;
    const { sharePercent } = progress.spotCheck;
    const due = await clock.deadline(procedure.spotCheck.inspectionPeriod, clock.legalNow());
    const taskId = `${caseId}:spot-check`;
    const scheduled = { ...base, taskId, dueAt: due.dueAt, legalDueAt: due.legalDueAt, sharePercent };
    await record('spot-check', { type: 'SpotCheckScheduled', ...scheduled }, null, `随机抽查（${sharePercent}%）`);
    progress.step('spot-check', 'in-progress', { due });
    const inspectors = { role: 'inspector', department: item.authority } as const;
    const inspected = await openTask({
      taskId,
      kind: 'spot-check',
      caseId,
      candidateGroup: inspectors,
      due,
      applicantId: applicant.id,
      priorApprovers: [],
      recordOn: TaskQueue.Permits,
    });
    const { decidedBy, decidedAt, reason = '' } = inspected;
    if (inspected.outcome === 'approve') {
      const fact = { ...base, inspectedBy: decidedBy, inspectedAt: decidedAt, note: reason };
      await record('spot-check-passed', { type: 'SpotCheckPassed', ...fact }, decidedBy, reason || '核查属实');
      progress.spotCheck.finding = 'compliant';
      progress.step('spot-check', 'done', { due });
      return;
    }
    const found = { ...base, inspectedBy: decidedBy, inspectedAt: decidedAt, finding: reason };
    await record('commitment-false', { type: 'CommitmentFoundFalse', ...found }, decidedBy, reason);
    const revocation = `告知承诺不实：${reason}`;
    const revoked = { ...base, because: 'false-commitment' as const, reason: revocation };
    await record(
      'revoke',
      { type: 'PermitRevoked', ...revoked, revokedBy: decidedBy, revokedAt: decidedAt },
      decidedBy,
      revocation,
    );
    progress.spotCheck.finding = 'false-commitment';
    progress.step('spot-check', 'false', { due, note: reason });
    progress.moveTo('revoked');
    await credit.markCredit({
      idempotencyKey: `${caseId}:credit`,
      creditCode: enterprise.creditCode,
      kind: 'false-commitment',
      reason: `${item.nameZh}告知承诺不实（${caseId}）`,
      by: decidedBy,
      at: decidedAt,
      caseId,
    });
  }

  async function finish(): Promise<PermitStatus> {
    await condition(allHandlersFinished);
    return progress.snapshot();
  }
}

function refusalOf(error: unknown): ApplicationFailure | undefined {
  if (!(error instanceof ActivityFailure)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !refusalTypes.includes(cause.type ?? '')) return undefined;
  return ApplicationFailure.create({ type: cause.type ?? undefined, message: cause.message, nonRetryable: true });
}
