import { reviewPeriodZh } from '../../portal/deadline-view';

/** Each kind of task, and its rule; the period comes from the policy in force when the case started. */
const KINDS: Record<string, { label: string; rule: (startedAt?: string) => string }> = {
  'registration-review': {
    label: '设立登记审核',
    rule: (startedAt) =>
      `设立登记申请由登记机关的登记审核员审核，${reviewPeriodZh(startedAt)}内作出决定；申请人及本案既往核准人不得审核（四眼原则）。`,
  },
  'permit-materials': {
    label: '许可申请材料审查',
    rule: () =>
      '申请材料不齐全的，应在5个工作日内一次告知申请人需要补正的全部内容（作出“要求补正”并列明缺件）；逾期不告知的，自收到申请材料之日起即为受理。',
  },
  'permit-review': {
    label: '许可审查决定',
    rule: () => '许可机关的审查人员在承诺时限内作出准予许可或不予许可的决定；不予许可须说明理由。',
  },
  'spot-check': {
    label: '告知承诺核查',
    rule: () =>
      '对告知承诺许可随机抽查：核查属实作出“准予”，承诺不实作出“不予”并写明核查发现，许可将被撤销并记入信用记录。',
  },
};

export const taskKindZh = (kind: string) => KINDS[kind]?.label ?? kind;
export const taskRuleZh = (kind: string, startedAt?: string) => KINDS[kind]?.rule(startedAt) ?? '';

const EVENTS: Record<string, string> = {
  opened: '任务创建',
  escalated: '超期升级',
  lapsed: '逾期未办，视为受理',
  claimed: '认领',
  unclaimed: '放弃认领',
  reassigned: '转办',
  decided: '作出决定',
  refused: '操作被拒绝',
};
export const taskEventZh = (type: string) => EVENTS[type] ?? type;

const ACTIONS: Record<string, string> = { claim: '认领', unclaim: '放弃认领', reassign: '转办', decide: '作出决定' };
export const taskActionZh = (action: string) => ACTIONS[action] ?? action;

const FAILURES: Record<string, string> = {
  NotInCandidateGroup: '不在此任务的候选组',
  WrongDepartment: '不属于办理部门',
  FourEyesViolation: '违反四眼原则（申请人或本案既往核准人不得办理）',
  NotApplicant: '不是申请人',
  ClaimedByOther: '任务已被其他审核员认领',
  AlreadyDecided: '任务已作出决定',
  NotClaimant: '须先认领任务',
  NotAwaitingInformation: '当前无需补正',
  ReasonRequired: '须填写理由',
  MalformedRequest: '请求格式有误',
  TaskNotFound: '任务不存在',
};
/** A refusal the workflow words in Chinese, without the request syntax it adds for API clients (`（confirms: …）`). */
export const withoutRequestSyntax = (message: string) => message.replace(/（confirms:.*?）/, '');

// NameUnavailable and ConfirmationRequired (R1.3) come worded in Chinese, naming the name and the linked enterprise.
export const failureZh = (failure: string | undefined, fallback: string) =>
  (failure && FAILURES[failure]) ?? withoutRequestSyntax(fallback);
