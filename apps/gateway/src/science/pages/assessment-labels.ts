/** 年度绩效考核材料: the report's indicators as the form asks for them. */
export const INDICATORS = [
  { key: 'fundsInvested', label: '投入资金', unit: '元', money: true },
  { key: 'trainingSessions', label: '开展培训场次', unit: '场', money: false },
  { key: 'trainees', label: '培训人数', unit: '人', money: false },
  { key: 'teamsAdmitted', label: '入驻创业团队数', unit: '个', money: false },
  { key: 'teamsRegistered', label: '创业团队注册企业数', unit: '个', money: false },
  { key: 'companiesRegisteredByGraduates', label: '毕业团队注册企业数', unit: '家', money: false },
] as const;

const STATUS: Record<string, string> = {
  starting: '正在发起',
  'awaiting-report': '待填报考核材料',
  passed: '考核合格',
  failed: '考核不合格',
  revoked: '已撤销认定',
};
const OUTCOME: Record<string, string> = { passed: '合格', failed: '不合格' };

export const assessmentStatusZh = (status: string) => STATUS[status] ?? status;
export const assessmentOutcomeZh = (outcome: string | undefined) => (outcome ? (OUTCOME[outcome] ?? outcome) : '—');
export const yearRunStatusZh = (status: string) => (status === 'completed' ? '已完成' : '进行中');
