import type { ClawbackStatus } from '../../../../workflows/grant/clawback.definitions';
import type { GrantStatus } from '../../../../workflows/grant/definitions';
import type { GrantProgramme } from '@govflow/policy';
import { fenToYuan } from './money';

/** A grant as the API shows it: money as yuan decimal strings, never fen or floats. */
export function grantView(status: GrantStatus) {
  const { amountFen, payment, ...rest } = status;
  return {
    ...rest,
    amount: fenToYuan(amountFen),
    ...(payment && {
      payment: { paidBy: payment.paidBy, paidAt: payment.paidAt, amount: fenToYuan(payment.amountFen) },
    }),
  };
}

export function clawbackView(status: ClawbackStatus) {
  const { grantFen, fineFen, dueFen, rateBasisPoints, ...rest } = status;
  return {
    ...rest,
    rate: `${rateBasisPoints / 100}`,
    grantAmount: fenToYuan(grantFen),
    ...(fineFen !== undefined && { fine: fenToYuan(fineFen) }),
    ...(dueFen !== undefined && { amountDue: fenToYuan(dueFen) }),
  };
}

export function programmeView(
  programme: GrantProgramme,
  recognitionGrantYuan: (level: 'national' | 'municipal') => number,
) {
  const { amountRule, budgetFen, expertReview, noticePeriod, code, name, openToApplication } = programme;
  const amount =
    amountRule.kind === 'requested-up-to'
      ? { kind: amountRule.kind, maximum: fenToYuan(amountRule.maxFen) }
      : {
          kind: amountRule.kind,
          level: amountRule.level,
          fixed: fenToYuan(recognitionGrantYuan(amountRule.level) * 100),
        };
  return {
    code,
    name,
    amountRule: amount,
    budget: fenToYuan(budgetFen),
    expertReview: expertReview ?? null,
    noticePeriod,
    openToApplication,
  };
}

/** One entry of the public 公示 page: no applicant or account details. */
export function publicNoticeView(status: GrantStatus) {
  const notice = status.notice!;
  const counted = status.objections.filter((o) => o.status !== 'rejected');
  return {
    noticeId: notice.noticeId,
    caseId: status.caseId,
    enterpriseName: status.enterpriseName,
    creditCode: status.creditCode,
    programmeCode: status.programmeCode,
    amount: fenToYuan(status.amountFen),
    startedAt: notice.startedAt,
    endsAt: notice.due.legalDueAt,
    ...(notice.due.dueAtCalendar && { endsAtCalendar: notice.due.dueAtCalendar }),
    objections: counted.length,
  };
}

/**
 * One entry of the published results (上网公示). A grant whose clawback recovery finance confirmed stays listed, marked
 * 已追回 with its publication withdrawn (撤销公示) on the day of the confirmation, so the public sees the correction.
 */
export function publishedGrantView(status: GrantStatus, recoveredAt?: string) {
  return {
    caseId: status.caseId,
    enterpriseName: status.enterpriseName,
    creditCode: status.creditCode,
    programmeCode: status.programmeCode,
    amount: fenToYuan(status.payment?.amountFen ?? status.amountFen),
    paidAt: status.payment?.paidAt,
    publishedAt: status.published?.at,
    publication: recoveredAt ? ('withdrawn' as const) : ('published' as const),
    ...(recoveredAt && { withdrawnAt: recoveredAt, withdrawalReason: '财政资金已追回，撤销公示' }),
  };
}
