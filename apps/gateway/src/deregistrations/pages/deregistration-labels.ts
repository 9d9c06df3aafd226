/** Official Chinese names the deregistration pages show for the API's codes (R3, R5.1). */
export const DEREGISTRATION_STATUSES: Record<string, string> = {
  applied: '已申请',
  refused: '不予受理',
  announcing: '公告中',
  'awaiting-confirmation': '待确认',
  lapsed: '已终止（逾期未确认）',
  'under-review': '审核中',
  rejected: '驳回',
  deregistered: '已注销',
};
export const deregistrationStatusZh = (status: string) => DEREGISTRATION_STATUSES[status] ?? status;

export const DEREGISTRATION_STEPS: Record<string, string> = {
  apply: '提交简易注销申请',
  announcement: '简易注销公告',
  'tax-clearance': '清税（税务机关）',
  confirmation: '申请人确认',
  'officer-review': '登记机关审核',
  deregister: '注销登记',
};

export const STEP_STATUSES: Record<string, { label: string; kind: string }> = {
  'in-progress': { label: '办理中', kind: 'waiting' },
  done: { label: '已完成', kind: 'done' },
  skipped: { label: '无需办理', kind: 'done' },
  objected: { label: '有异议', kind: 'rejected' },
  lapsed: { label: '逾期', kind: 'overdue' },
  rejected: { label: '驳回', kind: 'rejected' },
  refused: { label: '不予受理', kind: 'rejected' },
};

export const SUPERVISION_KINDS: Record<string, string> = {
  'abnormal-operations': '经营异常名录',
  investigation: '立案调查',
  'frozen-assets': '财产（股权）冻结',
  'pledged-equity': '股权出质',
};

/** An open matter as the enterprise's record states it now. */
export const OPEN_MATTERS: Record<string, string> = {
  'abnormal-operations': '列入经营异常名录',
  investigation: '立案调查中',
  'frozen-assets': '财产（股权）冻结',
  'pledged-equity': '股权出质',
};

export const SUPERVISION_ACTIONS: Record<string, { open: string; close: string }> = {
  'abnormal-operations': { open: '列入', close: '移出' },
  investigation: { open: '立案', close: '结案' },
  'frozen-assets': { open: '冻结', close: '解除冻结' },
  'pledged-equity': { open: '出质登记', close: '注销出质' },
};

export const supervisionActionZh = (kind: string, action: string) =>
  SUPERVISION_ACTIONS[kind]?.[action as 'open' | 'close'] ?? action;

export const REGISTER_STATUSES: Record<string, string> = { registered: '存续', deregistered: '注销' };

/** The deregistration officer's outcomes as the documents say them. */
export const DEREGISTRATION_OUTCOMES: Record<string, string> = { approve: '准予注销', reject: '驳回' };
