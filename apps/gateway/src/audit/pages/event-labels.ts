/** Chinese names of the event types the timeline shows; the code stays visible beside them. */
const EVENT_TYPES: Record<string, string> = {
  ApplicationSubmitted: '提交设立登记申请',
  ApplicationSupplemented: '补正申请材料',
  ApplicationRejected: '不予登记',
  NameReserved: '预留企业名称',
  NameReservationMoved: '变更预留名称',
  NameReservationReleased: '释放预留名称',
  LicenseIssued: '核发营业执照',
  PermitsDetermined: '告知后置许可',
  TaxRecordOpened: '办理税务登记',
  SupervisionMatterOpened: '列入监管事项',
  SupervisionMatterClosed: '解除监管事项',
  DeregistrationApplied: '申请简易注销',
  DeregistrationAnnouncementStarted: '简易注销公告开始',
  DeregistrationObjectionLodged: '对简易注销提出异议',
  DeregistrationConfirmed: '确认简易注销申请',
  DeregistrationLapsed: '逾期未确认，简易注销申请失效',
  DeregistrationRefused: '不予简易注销',
  EnterpriseDeregistered: '准予注销登记',
  DeregistrationNoticeReceived: '税务收到简易注销告知',
  TaxPendingMatterRecorded: '记录涉税未办结事项',
  TaxClearanceRecorded: '记录清税完毕',
  TaxNoObjectionRaised: '税务无异议',
  TaxObjectionRaised: '税务提出异议',
  TaxRecordClosed: '注销税务登记',
  MakerSpaceRecognized: '认定为众创空间',
  TaxExemptionStarted: '众创空间税收优惠开始',
  MakerSpaceAssessmentReportFiled: '报送年度绩效考核材料',
  MakerSpaceAssessmentPassed: '年度考核合格',
  MakerSpaceAssessmentFailed: '年度考核不合格（警告并指导）',
  MakerSpaceRecognitionRevoked: '撤销众创空间认定',
  MakerSpaceRecognitionEnded: '企业注销，众创空间认定终止',
  TaxExemptionEnded: '众创空间税收优惠终止',
  TaskOpened: '创建审核任务',
  TaskEscalated: '任务超期升级',
  TaskClaimed: '认领任务',
  TaskUnclaimed: '放弃认领',
  TaskReassigned: '转办任务',
  TaskDecided: '作出审核决定',
  TaskRefused: '操作被拒绝',
};

const SERVICES: Record<string, string> = {
  registration: '市场监管（登记）',
  tax: '税务',
  permits: '行政许可',
  'science-commission': '科委',
  gateway: '网关（管理员操作）',
  tasks: '任务',
};

export const eventTypeZh = (type: string) => EVENT_TYPES[type] ?? type;
export const serviceZh = (service: string) => SERVICES[service] ?? service;

export const READ_MODELS: Record<string, string> = {
  'task-inbox': '待办任务（task-inbox）',
  'audit-trail': '审计轨迹（audit-trail）',
};
