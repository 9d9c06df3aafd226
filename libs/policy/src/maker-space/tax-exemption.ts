import { chinaIsoDate } from '../china-calendar';

/**
 * R4.1/R4.4: a recognised maker space's tax exemption starts (and a revoked one's ends) on the first day of the
 * month after the decision, in Beijing: an ISO date such as 2026-12-01.
 */
export function firstDayOfNextChinaMonth(decidedAt: Date): string {
  const [year, month] = chinaIsoDate(decidedAt).split('-').map(Number) as [number, number];
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`;
}
