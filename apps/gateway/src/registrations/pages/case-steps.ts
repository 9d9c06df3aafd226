import { type DeadlineLine, deadlineLineOf, reviewPeriodZh } from '../../portal/deadline-view';
import type { RegistrationView } from '../registration-view';

type StepName = RegistrationView['steps'][number]['name'];

/**
 * Each step of 三证合一 as the registrant sees it: its name, who does it, and how its time is limited. A step with a
 * deadline of its own (the review) shows the period from the policy and the deadline the API resolved.
 */
const STEPS: Record<StepName, { title: string; department: string; timeLimit: string }> = {
  'submit-application': { title: '申请', department: '申请人 → 市场监督管理局', timeLimit: '网上提交，即时受理' },
  'officer-review': { title: '审核', department: '市场监督管理局', timeLimit: '' },
  supplement: { title: '补正', department: '申请人', timeLimit: '按审核员一次性告知的要求补正' },
  'issue-license': { title: '发照', department: '市场监督管理局', timeLimit: '核准后即时发放电子营业执照' },
  'open-tax-record': { title: '税务登记', department: '税务局', timeLimit: '发照后1日内，信息共享自动办理，无需申请' },
  'determine-permits': { title: '后置许可告知', department: '市场监督管理局', timeLimit: '发照时一并告知（先照后证）' },
};

const STATUS: Record<string, { label: string; kind: string }> = {
  'in-progress': { label: '办理中', kind: 'progress' },
  done: { label: '已完成', kind: 'done' },
  overdue: { label: '已超期', kind: 'overdue' },
  'information-requested': { label: '需补正', kind: 'info' },
  rejected: { label: '不予登记', kind: 'rejected' },
  refused: { label: '不予受理', kind: 'rejected' },
  waiting: { label: '未开始', kind: 'waiting' },
};

const MAIN_STEPS: readonly StepName[] = [
  'submit-application',
  'officer-review',
  'issue-license',
  'open-tax-record',
  'determine-permits',
];

export interface StepLine {
  id: string;
  title: string;
  department: string;
  timeLimit: string;
  status: { label: string; kind: string };
  at?: string;
  /** The real deadline of a step that has one, while it still matters (not once the step is done). */
  deadline?: DeadlineLine;
}

const timeLimitOf = (name: StepName, at?: string) =>
  name === 'officer-review' ? `${reviewPeriodZh(at)}内作出决定` : STEPS[name].timeLimit;

const OPEN_STEP = new Set(['in-progress', 'overdue']);

/** The case's steps in order, review and supplement rounds included, then the steps not reached yet. */
export function stepLinesOf(view: RegistrationView, now = Date.now()): StepLine[] {
  const submittedAt = view.steps[0]?.at;
  const lines: StepLine[] = view.steps.map((step) => {
    const info = STEPS[step.name];
    const round = step.round && step.round > 1 ? `（第${step.round}轮）` : '';
    const deadline = step.due && OPEN_STEP.has(step.status) ? deadlineLineOf(step.due, now) : undefined;
    const overdue = step.status === 'overdue' || deadline?.overdue === true;
    return {
      id: `${step.name}${step.round ? `-${step.round}` : ''}`,
      title: `${info.title}${round}`,
      department: info.department,
      timeLimit: timeLimitOf(step.name, submittedAt),
      status: overdue ? STATUS.overdue! : (STATUS[step.status] ?? { label: step.status, kind: 'progress' }),
      at: step.at,
      ...(deadline && { deadline: { ...deadline, overdue } }),
    };
  });
  if (view.status === 'rejected' || view.status === 'refused') return lines;
  for (const name of MAIN_STEPS) {
    if (view.steps.some((step) => step.name === name)) continue;
    const info = STEPS[name];
    lines.push({
      id: name,
      title: info.title,
      department: info.department,
      timeLimit: timeLimitOf(name, submittedAt),
      status: STATUS.waiting!,
    });
  }
  return lines;
}
