import { simplifiedDeregistrationPolicies } from '@govflow/policy';
import { periodZh, reviewPeriodZh } from '../../portal/deadline-view';

const deregistrationReviewPeriodZh = (at: string = new Date().toISOString()) =>
  periodZh(simplifiedDeregistrationPolicies.at(new Date(at)).value.reviewPeriod);

/** Each kind of task, and its rule; the period comes from the policy in force when the case started. */
const KINDS: Record<string, { label: string; rule: (startedAt?: string) => string }> = {
  'deregistration-review': {
    label: '简易注销审核',
    rule: (startedAt) =>
      `公告期届满、申请人确认后，登记机关的登记审核员在${deregistrationReviewPeriodZh(startedAt)}内作出决定；公告期内有异议（含税务机关的异议）的，只能驳回，并列明异议。`,
  },
  'registration-review': {
    label: '设立登记审核',
    rule: (startedAt) =>
      `设立登记申请由登记机关的登记审核员审核，${reviewPeriodZh(startedAt)}内作出决定；申请人及本案既往核准人不得审核（四眼原则）。`,
  },
  // The science commission's tasks (R4); their periods are the programme's, shown with each task's deadline.
  'maker-space-review': {
    label: '众创空间认定审核',
    rule: () => '由科委审核员对照认定条件审核；有不符合的条件时只能不予认定。',
  },
  'assessment-guidance': {
    label: '年度考核不合格指导',
    rule: () =>
      '年度考核不合格的众创空间予以警告，由科委工作人员约谈并提出整改指导意见；连续两个年度不合格的撤销认定。',
  },
  'assessment-report': {
    label: '年度绩效考核材料报送',
    rule: () => '众创空间在期限内报送上一年度绩效考核材料；逾期未报送的，按考核不合格处理。',
  },
  'grant-review': { label: '资金支持申请审核', rule: () => '由科委审核员审核资金支持申请。' },
  'expert-review': {
    label: '专家评审',
    rule: () => '评审专家核准时提交评分（score:0–100）；与申请单位有利害关系的，以“退回”声明回避并写明理由。',
  },
  'objection-review': {
    label: '公示异议处理',
    rule: () => '核准即认定异议成立（撤销资助），退回即驳回异议；均须写明理由。异议未处理完毕前不得拨付。',
  },
  'grant-payment': {
    label: '资金拨付',
    rule: () => '由财政部门工作人员拨付；参与本案审核、评审或异议处理的人员不得办理（四眼原则）。',
  },
  'clawback-confirmation': {
    label: '收回资金确认',
    rule: () => '由财政部门确认收回财政资金及罚款；发起收回的人员不得确认。确认后移送处理。',
  },
  'voucher-redemption-review': {
    label: '创新券兑付审核',
    rule: () => '服务机构登记服务完成并申请兑付后，由科委审核员审核服务合同和服务完成情况。',
  },
  'voucher-payment': {
    label: '创新券兑付拨付',
    rule: () => '由财政部门工作人员向服务机构拨付（后补助）；审核本次兑付的人员不得办理（四眼原则）。',
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
  'permit-renewal-review': {
    label: '许可延续审查',
    rule: () =>
      '被许可人在有效期届满前申请延续，许可机关的审查人员作出准予延续或不予延续的决定；准予延续的，有效期重新计算；不予延续的须说明理由，许可于有效期届满时失效。',
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
  NoticeClosed: '公示期已结束，不再受理异议',
  RateOutOfRange: '罚款比例超出规定范围',
}; // CriteriaNotMet comes worded in Chinese, listing the criteria not met.
/** A refusal the workflow words in Chinese, without the request syntax it adds for API clients (`（confirms: …）`). */
export const withoutRequestSyntax = (message: string) => message.replace(/（confirms:.*?）/, '');

// NameUnavailable and ConfirmationRequired (R1.3) come worded in Chinese, naming the name and the linked enterprise.
export const failureZh = (failure: string | undefined, fallback: string) =>
  (failure && FAILURES[failure]) ?? withoutRequestSyntax(fallback);
