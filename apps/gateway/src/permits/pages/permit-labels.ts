const STATUSES: Record<string, string> = {
  applied: '已申请',
  'awaiting-materials': '待补正材料',
  'under-review': '审查中',
  granted: '已准予许可',
  refused: '不予许可',
  filed: '已备案',
  revoked: '已撤销',
  expired: '已过期',
  ended: '已终止（企业已注销）',
};
const ROUTES: Record<string, string> = { standard: '一般程序', commitment: '告知承诺', filing: '备案' };

export const permitStatusZh = (status: string) => STATUSES[status] ?? status;
export const permitRouteZh = (route: string) => ROUTES[route] ?? route;
/** Whether the enterprise may carry on the activity now (R2.2): only with a granted permit or a filing. */
export const permitHeld = (status: string) => status === 'granted' || status === 'filed';

const STEPS: Record<string, string> = {
  apply: '提交申请',
  materials: '申请材料审查',
  commitment: '签署告知承诺书',
  review: '审查决定',
  filing: '备案',
  'spot-check': '告知承诺核查（随机抽查）',
  renewal: '延续',
};
const STEP_STATES: Record<string, { label: string; kind: string }> = {
  'in-progress': { label: '办理中', kind: 'waiting' },
  done: { label: '已完成', kind: 'done' },
  'deemed-accepted': { label: '逾期未告知补正，视为受理', kind: 'done' },
  requested: { label: '待补正材料', kind: 'waiting' },
  refused: { label: '不予受理', kind: 'rejected' },
  rejected: { label: '不予许可', kind: 'rejected' },
  false: { label: '承诺不实', kind: 'rejected' },
  skipped: { label: '无需办理', kind: 'done' },
};
/** Where a step has its own word for a refusal: a refused renewal is 不予延续, not 不予许可. */
const REJECTED_STEPS: Record<string, string> = { renewal: '不予延续', materials: '不予受理' };

export const permitStepZh = (name: string) => STEPS[name] ?? name;
export function permitStepStateZh(name: string, status: string): { label: string; kind: string } {
  const state = STEP_STATES[status] ?? { label: status, kind: 'waiting' };
  return status === 'rejected' && REJECTED_STEPS[name] ? { ...state, label: REJECTED_STEPS[name] } : state;
}
