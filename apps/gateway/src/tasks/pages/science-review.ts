import type { FieldError } from '../../http/api-error';
import type { PortalApi } from '../../portal/portal-api';
import { grantStatusZh, LEVELS, makerSpaceStatusZh, objectionStatusZh } from '../../science/pages/science-labels';
import { voucherStatusZh } from '../../science/pages/voucher-labels';

/** The science commission's and finance's task kinds, each with its own outcomes (R4). */
const SCIENCE_KINDS: Record<
  string,
  {
    outcomes: Record<string, string>;
    why: string;
    reasonHint: string;
    scored?: true;
    recognition?: true;
    voucher?: true;
  }
> = {
  'maker-space-review': {
    outcomes: { approve: '认定', reject: '不予认定' },
    why: '申请人提交众创空间认定申请、申报数据经认定条件审查后，认定流程创建此审核任务。',
    reasonHint: '不予认定时必须填写，申请人会看到此意见。',
    recognition: true,
  },
  'assessment-guidance': {
    outcomes: { approve: '已完成指导' },
    why: '众创空间年度考核不合格（未按期报送或指标未达标），考核流程予以警告并创建此指导任务；连续两年不合格将撤销认定。',
    reasonHint: '填写约谈及整改指导意见，众创空间会看到。',
    recognition: true,
  },
  'grant-review': {
    outcomes: { approve: '审核通过', reject: '不予资助' },
    why: '资金支持申请通过资格审查（或众创空间认定后自动发起）后，资助流程创建此审核任务。',
    reasonHint: '不予资助时必须填写，申请人会看到此意见。',
  },
  'expert-review': {
    outcomes: { approve: '提交评分', reject: '声明回避（与申请单位有利害关系）' },
    why: '项目须经专家评审，资助流程为每个评审席位创建一项任务。',
    reasonHint: '提交评分时可填写评审意见；声明回避时必须写明利害关系。',
    scored: true,
  },
  'objection-review': {
    outcomes: { approve: '异议成立（撤销资助）', reject: '异议不成立（驳回异议）' },
    why: '公示期内有人实名提出异议，资助流程创建此处理任务；异议处理完毕前不得拨付。',
    reasonHint: '必须写明理由；异议人和申请人都会看到处理结果。',
  },
  'grant-payment': {
    outcomes: { approve: '拨付', reject: '暂缓拨付' },
    why: '公示期满、异议处理完毕后，资助流程创建此拨付任务；拨付后结果上网公示。',
    reasonHint: '暂缓拨付时必须写明原因，之后会再次创建拨付任务。',
  },
  'voucher-redemption-review': {
    outcomes: { approve: '审核通过', reject: '不予兑付' },
    why: '服务机构登记服务完成并申请兑付（后补助），创新券流程创建此审核任务。',
    reasonHint: '不予兑付时必须填写，企业和服务机构会看到此意见；创新券金额退回预算。',
    voucher: true,
  },
  'voucher-payment': {
    outcomes: { approve: '拨付', reject: '暂缓拨付' },
    why: '科委审核通过创新券兑付后，创新券流程创建此拨付任务；拨付后结果上网公示。',
    reasonHint: '暂缓拨付时必须写明原因，之后会再次创建拨付任务。',
    voucher: true,
  },
  'clawback-confirmation': {
    outcomes: { approve: '确认收回', reject: '不予确认' },
    why: '科委对已拨付的资金发起收回（追回），由财政部门确认收回金额和罚款；确认后移送处理。',
    reasonHint: '不予确认时必须写明理由。',
  },
};

export const isScienceTask = (kind: string) => kind in SCIENCE_KINDS;

interface CaseSummary {
  status: string;
  creditCode: string;
  enterpriseName?: string;
  level?: string;
  amount?: string;
  programmeCode?: string;
  failedCriteria?: { label: string }[];
  scores?: { score: number }[];
  objections?: { realName: string; anonymous: boolean; reason: string; evidence?: string; status: string }[];
  clawbacks?: { status: string; rate: string; fine?: string; amountDue?: string; reason: string }[];
}

/** What the task is decided on: the case as the API answers it, and the kind's own outcomes and fields. */
export async function scienceReviewContext(api: PortalApi, kind: string, caseId: string) {
  const rules = SCIENCE_KINDS[kind]!;
  const statusZh = rules.recognition ? makerSpaceStatusZh : rules.voucher ? voucherStatusZh : grantStatusZh;
  const section = rules.recognition ? 'maker-spaces' : rules.voucher ? 'vouchers' : 'grants';
  const path = `/api/${section}/${caseId}`;
  const answer = await api.call<CaseSummary>('GET', path);
  const view = answer.ok ? answer.body : undefined;
  return {
    ...rules,
    view,
    caseLink: `/portal/${section}/${caseId}`,
    caseStatus: view ? statusZh(view.status) : '',
    levelLabel: view?.level ? (LEVELS[view.level] ?? view.level) : '',
    objections: (view?.objections ?? []).map((o) => ({ ...o, statusLabel: objectionStatusZh(o.status) })),
    outcomes: Object.entries(rules.outcomes).map(([value, label]) => ({ value, label })),
    outcomeZh: (outcome: string) => rules.outcomes[outcome] ?? outcome,
  };
}

/** The API's refusal of a missing score names `confirms`: shown on the score field. */
export function scienceFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) =>
    e.field === 'confirms' || /评分/.test(e.message) ? { field: 'score', message: '请填写 0–100 的整数评分' } : e,
  );
}
