import { permitCatalogues } from '@govflow/policy';
import type { PermitStatus } from '../../../../../workflows/permit/definitions';
import { deadlineLineOf } from '../../portal/deadline-view';
import { toTaskDueView } from '../../tasks/task-due';
import { permitHeld, permitRouteZh, permitStatusZh, permitStepStateZh, permitStepZh } from './permit-labels';

/** What the registrant's permit case page shows: status, steps with deadlines, decision, validity, what they may do. */
export function permitCaseContext(view: PermitStatus, now = Date.now()) {
  const renewal = view.steps.find((s) => s.name === 'renewal');
  const materials = view.steps.find((s) => s.name === 'materials');
  const entry = permitCatalogues.at(new Date(now)).value.find((e) => e.code === view.permitCode);
  const renewalUnderReview = view.openTask?.kind === 'permit-renewal-review';
  return {
    view,
    caseId: view.caseId,
    statusLabel: permitStatusZh(view.status),
    routeLabel: permitRouteZh(view.route),
    held: permitHeld(view.status),
    steps: view.steps.map((step) => ({
      ...step,
      title: permitStepZh(step.name),
      state: permitStepStateZh(step.name, step.status),
      deadline: step.due && step.status === 'in-progress' ? deadlineLineOf(toTaskDueView(step.due), now) : undefined,
    })),
    /** The one notice of missing materials (每项缺件一次告知), while the registrant has yet to supply them. */
    awaitingMaterials: view.status === 'awaiting-materials',
    materialsNotice: materials?.note ?? '',
    materialFields: entry?.procedure?.materials ?? [],
    renewalUnderReview,
    renewalRefused: renewal?.status === 'rejected' ? renewal.note : undefined,
    /** The reminder (PermitRenewalDue) reached the registrant: its note says by when to apply. */
    renewalDue: renewal?.status === 'in-progress' && !renewalUnderReview ? renewal.note : undefined,
    // The law sets no earliest day for a renewal application; the page offers it as long as the permit is valid.
    mayRenew:
      view.status === 'granted' && view.validity !== undefined && !renewalUnderReview && renewal?.status !== 'rejected',
  };
}
