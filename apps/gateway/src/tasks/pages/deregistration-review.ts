import { simplifiedDeregistrationPolicies } from '@govflow/policy';
import type { DeregistrationStatus } from '../../../../../workflows/deregistration/definitions';
import { periodZh } from '../../portal/deadline-view';
import { DEREGISTRATION_OUTCOMES, deregistrationStatusZh } from '../../deregistrations/pages/deregistration-labels';

export const DEREGISTRATION_REVIEW = 'deregistration-review';

/**
 * What the officer decides a simplified deregistration on: the enterprise, the announcement, every objection (tax's
 * included). While any stands the workflow accepts only 驳回, so the page offers nothing else.
 */
export function deregistrationReviewContext(view: DeregistrationStatus, decided?: string) {
  const taxObjection = view.taxAnswer?.verdict === 'objection';
  const objected = view.objections.length > 0 || taxObjection;
  const outcomes = (objected ? ['reject'] : ['approve', 'reject']).map((value) => ({
    value,
    label: DEREGISTRATION_OUTCOMES[value]!,
  }));
  const appliedAt = view.steps[0]?.at ?? new Date().toISOString();
  return {
    view,
    caseStatus: deregistrationStatusZh(view.status),
    period: periodZh(simplifiedDeregistrationPolicies.at(new Date(appliedAt)).value.reviewPeriod),
    objected,
    objections: [
      ...view.objections.map((o) => ({ name: o.name, reason: o.reason, contact: o.contact, at: o.lodgedAt })),
      ...(taxObjection
        ? [{ name: '税务局', reason: view.taxAnswer?.reason ?? '有异议', contact: '', at: view.taxAnswer?.at }]
        : []),
    ],
    outcomes,
    outcomeZh: (outcome: string) => DEREGISTRATION_OUTCOMES[outcome] ?? outcome,
    decided,
  };
}
