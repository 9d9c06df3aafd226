/** The voucher's statuses as the portal names them (科技创新券). */
const VOUCHER_STATUSES: Record<string, string> = {
  claimed: '已申领，待登记服务活动',
  refused: '不予发放',
  'activity-registered': '已登记服务活动，待服务机构确认合同',
  lapsed: '已作废（逾期未登记或未确认合同）',
  contracted: '合同已确认，有效期内',
  expired: '已过期（有效期内未使用）',
  delivered: '服务已完成，待申请兑付',
  'redemption-requested': '已申请兑付，科委审核中',
  'redemption-rejected': '兑付审核不通过',
  'awaiting-payment': '待财政拨付',
  paid: '已兑付',
};

export const voucherStatusZh = (status: string) => VOUCHER_STATUSES[status] ?? status;
