import type { DeregistrationRefusalDetails, InvestorCommitment, Person, SupervisionKind } from '@govflow/contracts';

type Reason = DeregistrationRefusalDetails['reasons'][number];

const supervisionReasons: Record<SupervisionKind, string> = {
  'abnormal-operations': '企业被列入经营异常名录',
  investigation: '企业正被立案调查',
  'frozen-assets': '企业财产被冻结',
  'pledged-equity': '企业存在股权出质',
};

export interface EligibilityFacts {
  openSupervision: readonly SupervisionKind[];
  deregistrationInProgress: boolean;
  deregistered: boolean;
}

/** R3.1: every reason the enterprise may not use simplified deregistration now, all at once. */
export function ineligibilityReasons({ openSupervision, deregistrationInProgress, deregistered }: EligibilityFacts) {
  const reasons: Reason[] = openSupervision.map((kind) => ({ code: kind, message: supervisionReasons[kind] }));
  if (deregistrationInProgress) reasons.push({ code: 'deregistration-in-progress', message: '已有注销申请正在办理' });
  if (deregistered) reasons.push({ code: 'already-deregistered', message: '企业已注销' });
  return reasons;
}

const key = ({ name, idNumber }: Person) => `${name.trim()}|${idNumber.trim().toUpperCase()}`;

/** R3.2: one commitment from every investor on the register, matched by name and ID number; names each gap. */
export function commitmentProblems(investors: readonly Person[], commitments: readonly InvestorCommitment[]) {
  const registered = new Set(investors.map(key));
  const committed = new Set(commitments.map(key));
  const problems: Reason[] = [];
  commitments.forEach((commitment, index) => {
    if (!registered.has(key(commitment))) {
      const message = `${commitment.name}（${commitment.idNumber}）不是登记在册的投资人`;
      problems.push({ code: 'investor-unknown', field: `commitments.${index}`, message });
    }
  });
  for (const investor of investors) {
    if (!committed.has(key(investor))) {
      const message = `缺少投资人 ${investor.name}（${investor.idNumber}）签署的承诺书`;
      problems.push({ code: 'commitment-missing', field: 'commitments', message });
    }
  }
  return problems;
}
