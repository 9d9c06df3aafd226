/** The signed audit log's problem kinds (POST /api/audit/verify), in Chinese for the integrity page. */
export const AUDIT_PROBLEMS: Record<string, string> = {
  edited: '已篡改',
  inserted: '插入',
  reordered: '乱序',
  'deleted-event': '删除事件',
  'deleted-stream': '删除事件流',
  truncated: '尾部截断',
  'bad-checkpoint': '检查点无效',
};

export const OPERATIONS: Record<string, string> = {
  'audit.verify': '完整性校验',
  'audit.case-workflows': '查看办件的归档流程历史',
  'audit.time-machine': '时光机：查看某一时刻的办件状态',
  'audit.time-machine-diff': '时光机：比较两个时刻',
};

export const auditProblemZh = (kind: string) => AUDIT_PROBLEMS[kind] ?? kind;
export const operationZh = (action: string) => OPERATIONS[action] ?? action;
