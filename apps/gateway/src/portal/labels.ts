/** Official Chinese names the portal shows for the platform's codes. */
const ROLES: Record<string, string> = {
  registrant: '申请人',
  'registration-officer': '登记审核员',
  'permit-officer': '许可审批员',
  inspector: '核查员',
  'tax-officer': '税务专管员',
  'science-officer': '科委经办人',
  'finance-officer': '财政经办人',
  'expert-reviewer': '评审专家',
  provider: '服务机构',
  administrator: '系统管理员',
  system: '系统',
};

const DEPARTMENTS: Record<string, string> = {
  'market-regulation': '市场监督管理局',
  tax: '税务局',
  'science-commission': '区科学技术委员会',
  finance: '区财政局',
  'expert-panel': '专家评审组',
  transport: '交通运输局',
  'culture-and-tourism': '文化和旅游局',
  communications: '通信管理局',
  'press-and-publication': '新闻出版局',
  'human-resources': '人力资源和社会保障局',
  'emergency-management': '应急管理局',
};

export const roleZh = (role: string) => ROLES[role] ?? role;
export const departmentZh = (department: string | null | undefined) =>
  department ? (DEPARTMENTS[department] ?? department) : '';

export const CASE_STATUSES: Record<string, string> = {
  submitted: '已提交',
  // The name failed R1.3 at submission: the application was not accepted (行政许可法 art. 32), not decided.
  refused: '不予受理',
  'under-review': '审核中',
  'information-requested': '待补正',
  approved: '已核准',
  rejected: '不予登记',
  licensed: '已发照',
  completed: '已办结',
};

export const caseStatusZh = (status: string) => CASE_STATUSES[status] ?? status;

export const ENTITY_TYPES: Record<string, string> = {
  'limited-company': '有限责任公司',
  'individual-business': '个体工商户',
};

export const OUTCOMES: Record<string, string> = {
  approve: '核准',
  reject: '不予登记',
  'request-info': '要求补正',
};
