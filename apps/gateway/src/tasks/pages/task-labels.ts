const KINDS: Record<string, { label: string; rule: string }> = {
  'registration-review': {
    label: '设立登记审核',
    rule: '设立登记申请由登记机关的登记审核员审核，3个工作日内作出决定（可延长一次，3个工作日）；申请人及本案既往核准人不得审核（四眼原则）。',
  },
};

export const taskKindZh = (kind: string) => KINDS[kind]?.label ?? kind;
export const taskRuleZh = (kind: string) => KINDS[kind]?.rule ?? '';

const EVENTS: Record<string, string> = {
  opened: '任务创建',
  escalated: '超期升级',
  claimed: '认领',
  unclaimed: '放弃认领',
  reassigned: '转办',
  decided: '作出决定',
  refused: '操作被拒绝',
};
export const taskEventZh = (type: string) => EVENTS[type] ?? type;

const ACTIONS: Record<string, string> = { claim: '认领', unclaim: '放弃认领', reassign: '转办', decide: '作出决定' };
export const taskActionZh = (action: string) => ACTIONS[action] ?? action;
