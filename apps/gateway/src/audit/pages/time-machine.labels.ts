/** Simplified Chinese, with official terms, for what the time machine shows; the code stays visible beside each. */
const KINDS: Record<string, string> = {
  'establishment-case': '设立登记办件',
  'deregistration-case': '简易注销办件',
  'supervision-matter': '监管事项',
  'tax-record': '税务登记',
  'permit-case': '行政许可办件',
  'science-case': '科委办件（众创空间、科技计划、创新券）',
};

const STATUSES: Record<string, string> = {
  submitted: '已提交申请',
  supplemented: '已补正材料',
  rejected: '不予登记',
  licensed: '已核发营业执照',
  open: '待办理',
  closed: '已注销税务登记',
  applied: '已申请',
  'awaiting-materials': '待补正材料',
  'under-review': '审查中',
  granted: '准予许可',
  refused: '不予许可',
  filed: '已备案',
  revoked: '已撤销',
  expired: '已过期',
  ended: '已终止',
  recognised: '已认定',
  withdrawn: '已撤回',
  paid: '已拨付',
  published: '已公示',
  claimed: '已认领',
  decided: '已作出决定',
  lapsed: '已逾期失效',
  announcing: '公告期中',
  objected: '有异议',
  confirmed: '已确认',
  deregistered: '已注销',
};

const STATUSES_OF_KIND: Record<string, Record<string, string>> = {
  'tax-record': { open: '已办理税务登记', closed: '已注销税务登记' },
  task: { open: '待认领' },
};

const READ_MODELS: Record<string, string> = {
  'task-inbox': '待办任务',
  'enterprise-directory': '企业名录',
  'enterprise-permits': '企业许可',
  'science-record': '科技计划项目信用记录',
  'tax-record': '税务记录',
};

const FIELDS: Record<string, string> = {
  status: '状态',
  enterpriseName: '企业名称',
  entityType: '市场主体类型',
  registeredCapital: '注册资本',
  domicile: '住所',
  businessPremises: '经营场所',
  businessScope: '经营范围',
  legalRepresentative: '法定代表人',
  shareholders: '股东',
  investmentLink: '投资关联企业',
  applicant: '申请人',
  submittedAt: '提交时间',
  supplementRounds: '补正次数',
  lastSupplementedAt: '最近补正时间',
  decision: '审核决定',
  creditCode: '统一社会信用代码',
  licenseIssuedAt: '营业执照核发时间',
  nameReservation: '名称预留',
  reservedUntil: '名称预留至',
  taxpayerId: '纳税人识别号',
  candidateGroup: '候选办理人',
  assignee: '承办人',
  escalated: '已升级',
  escalatedTo: '升级至',
  dueAt: '办理期限',
  legalDueAt: '法定期限',
  outcome: '决定结果',
  decidedBy: '决定人',
  decidedAt: '决定时间',
  reason: '理由',
};

export const kindZh = (kind: string) => KINDS[kind] ?? kind;
export const statusZh = (kind: string, status: string | null) =>
  status === null ? '—' : (STATUSES_OF_KIND[kind]?.[status] ?? STATUSES[status] ?? status);
export const readModelZh = (readModel: string) => READ_MODELS[readModel] ?? readModel;
/** A dotted field path in Chinese where its first part has a name (`decision.by.id` → 审核决定 · by.id). */
export function fieldZh(path: string): string {
  const [head = path, ...rest] = path.split('.');
  const label = FIELDS[head];
  if (!label) return path;
  return rest.length ? `${label} · ${rest.join('.')}` : label;
}

/** A field's value as text: strings as they are, absent as —, anything else as JSON. */
export const valueText = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
