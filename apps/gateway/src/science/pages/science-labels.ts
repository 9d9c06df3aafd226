import type { TaskDue } from '@govflow/contracts';
import { deadlineLineOf } from '../../portal/deadline-view';
import { toTaskDueView } from '../../tasks/task-due';

export const LEVELS: Record<string, string> = { national: '国家级', municipal: '市级' };

/** The figures a recognition application declares, in the criteria's order. */
export const FIGURES: readonly { key: string; label: string; unit: string }[] = [
  { key: 'monthsInOperation', label: '运营时间', unit: '个月' },
  { key: 'floorAreaM2', label: '场地面积', unit: '平方米' },
  { key: 'workstations', label: '工位数', unit: '个' },
  { key: 'residentTeams', label: '入驻创业团队和初创企业', unit: '个' },
  { key: 'mentors', label: '专兼职创业导师', unit: '名' },
  { key: 'eventsPerYear', label: '每年举办创新创业活动', unit: '场' },
];

const MAKER_SPACE_STATUS: Record<string, string> = {
  applied: '已受理',
  refused: '不予受理',
  'under-review': '认定审核中',
  recognised: '已认定',
  rejected: '不予认定',
};
export const makerSpaceStatusZh = (status: string) => MAKER_SPACE_STATUS[status] ?? status;

const GRANT_STATUS: Record<string, string> = {
  applied: '已受理',
  refused: '不予受理',
  'under-review': '审核中',
  'expert-review': '专家评审中',
  rejected: '不予资助',
  'on-public-notice': '公示中',
  'objections-open': '异议处理中',
  withdrawn: '已撤销资助',
  'awaiting-payment': '待拨付',
  paid: '已拨付',
};
export const grantStatusZh = (status: string) => GRANT_STATUS[status] ?? status;

const GRANT_STEP: Record<string, string> = {
  eligibility: '资格审查',
  'officer-review': '科委审核',
  'expert-review': '专家评审',
  'public-notice': '公示',
  'objection-review': '异议处理',
  payment: '资金拨付',
  publication: '上网公示',
};
export const grantStepZh = (name: string) => GRANT_STEP[name] ?? name;

const STEP_STATUS: Record<string, string> = {
  'in-progress': '办理中',
  done: '已完成',
  refused: '不予受理',
  rejected: '未通过',
  failed: '失败',
  withdrawn: '已撤销',
  skipped: '无需办理',
};
export const stepStatusZh = (status: string) => STEP_STATUS[status] ?? status;

const OBJECTION_STATUS: Record<string, string> = {
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立',
  rejected: '不予受理',
};
export const objectionStatusZh = (status: string) => OBJECTION_STATUS[status] ?? status;

export const CLAWBACK_GROUNDS: readonly { value: string; label: string }[] = [
  { value: 'false-material-or-fraud', label: '提供虚假材料或以欺诈手段骗取资金（罚款比例10%–50%）' },
  { value: 'misuse-of-funds', label: '截留、挪用资金（罚款比例10%–30%）' },
];
const CLAWBACK_STATUS: Record<string, string> = {
  'awaiting-confirmation': '待财政部门确认',
  confirmed: '已确认收回，已移送',
  'not-confirmed': '财政部门未确认',
};
export const clawbackStatusZh = (status: string) => CLAWBACK_STATUS[status] ?? status;

/** A case step's deadline as the pages show it. */
export const dueLineOf = (due: TaskDue | undefined) =>
  due ? deadlineLineOf(toTaskDueView({ ...due, dueAtCalendar: due.dueAtCalendar ?? null })).calendar : '';
