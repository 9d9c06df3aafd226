import type { VoucherStatus } from '../../../../workflows/voucher/definitions';
import { fenToYuan } from './money';

/** A voucher as the API shows it: money in yuan as decimal strings. */
export function voucherView(status: VoucherStatus) {
  const { amountFen, delivery, payment, ended, ...rest } = status;
  return {
    ...rest,
    amount: fenToYuan(amountFen),
    ...(delivery && { delivery: { ...withoutFen(delivery), amount: fenToYuan(delivery.amountFen) } }),
    ...(payment && { payment: { ...withoutFen(payment), amount: fenToYuan(payment.amountFen) } }),
    ...(ended && { ended: { because: ended.because, at: ended.at, returned: fenToYuan(ended.returnedFen) } }),
  };
}

/** What the public list (上网公示) shows of a paid voucher. */
export function publishedVoucherView(status: VoucherStatus) {
  return {
    voucherId: status.voucherId,
    enterpriseName: status.enterpriseName,
    programmeCode: status.programmeCode,
    providerId: status.activity?.providerId,
    amount: fenToYuan(status.payment?.amountFen ?? 0),
    paidAt: status.payment?.paidAt,
    publishedAt: status.published?.at,
  };
}

function withoutFen<T extends { amountFen: number }>(value: T): Omit<T, 'amountFen'> {
  const { amountFen: _amountFen, ...rest } = value;
  return rest;
}
