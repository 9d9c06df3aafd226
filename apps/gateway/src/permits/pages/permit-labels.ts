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
