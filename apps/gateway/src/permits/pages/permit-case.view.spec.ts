import type { PermitStatus } from '../../../../../workflows/permit/definitions';
import { permitCaseContext } from './permit-case.view';

const base: PermitStatus = {
  caseId: '6f1c2d9e-1b2a-4c3d-8e4f-5a6b7c8d9e0f',
  applicantId: 'registrant1',
  creditCode: '91110108MA01ABCD2X',
  permitCode: 'food-business-permit',
  nameZh: '食品经营许可',
  authority: 'market-regulation',
  route: 'standard',
  catalogueVersion: 'catalogue-v2',
  timeScale: 1,
  status: 'applied',
  steps: [],
};
const validity = {
  grantedAt: '2026-11-29T02:00:00.000Z',
  validUntil: '2031-11-28T16:00:00.000Z',
  lastDay: '2031-11-28',
  renewals: 0,
};
const at = '2026-11-29T03:00:00.000Z';

describe('the permit case page', () => {
  it('shows the one notice of missing materials and the item’s materials to supply, only while awaited', () => {
    const awaiting = permitCaseContext({
      ...base,
      status: 'awaiting-materials',
      steps: [{ name: 'materials', status: 'requested', at, note: '缺经营场所使用证明' }],
    });
    expect(awaiting).toMatchObject({
      awaitingMaterials: true,
      materialsNotice: '缺经营场所使用证明',
      statusLabel: '待补正材料',
    });
    expect(awaiting.materialFields.map((m) => m.key)).toEqual(['applicationForm', 'premisesProof', 'foodSafetyRules']);
    expect(awaiting.steps[0]?.state.label).toBe('待补正材料');
    expect(permitCaseContext({ ...base, status: 'under-review' }).awaitingMaterials).toBe(false);
  });

  it('offers renewal of a valid permit, says when it is due, and not while one is reviewed or after a refusal', () => {
    const due = permitCaseContext({
      ...base,
      status: 'granted',
      validity,
      steps: [{ name: 'renewal', status: 'in-progress', at, note: '请于2031-11-28前申请延续' }],
    });
    expect(due).toMatchObject({ mayRenew: true, renewalDue: '请于2031-11-28前申请延续', held: true });

    const openTask = { kind: 'permit-renewal-review' } as PermitStatus['openTask'];
    const reviewing = permitCaseContext({ ...base, status: 'granted', validity, openTask, steps: due.view.steps });
    expect(reviewing).toMatchObject({ mayRenew: false, renewalUnderReview: true, renewalDue: undefined });

    const note = '不予延续：经营条件已发生变化；许可于2031-11-28届满后失效';
    const refused = permitCaseContext({
      ...base,
      status: 'granted',
      validity,
      steps: [{ name: 'renewal', status: 'rejected', at, note }],
    });
    expect(refused).toMatchObject({ mayRenew: false, renewalRefused: note });
    expect(refused.steps[0]?.state.label).toBe('不予延续');
    expect(permitCaseContext({ ...base, status: 'expired', validity }).mayRenew).toBe(false);
  });
});
