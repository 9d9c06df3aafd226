import { type CalendarPeriod } from '../china-calendar';
import { PolicyTimeline } from '../policy-timeline';

/** R3.2: the public announcement (简易注销公告) that precedes a simplified deregistration. */
export interface SimplifiedDeregistrationPolicy {
  readonly announcementPeriod: CalendarPeriod;
  /** Since the 2022 regulation individual businesses (个体工商户) skip the announcement. */
  readonly individualBusinessesAnnounce: boolean;
}

export const simplifiedDeregistrationPolicies = new PolicyTimeline<SimplifiedDeregistrationPolicy>(
  'simplified-deregistration',
  [
    {
      version: 'deregistration-2017',
      effectiveFrom: '2017-03-01',
      value: { announcementPeriod: { days: 45 }, individualBusinessesAnnounce: true },
    },
    {
      version: 'deregistration-2021',
      effectiveFrom: '2021-08-01',
      value: { announcementPeriod: { days: 20 }, individualBusinessesAnnounce: true },
    },
    {
      // 市场主体登记管理条例, in force 2022-03-01.
      version: 'deregistration-2022',
      effectiveFrom: '2022-03-01',
      value: { announcementPeriod: { days: 20 }, individualBusinessesAnnounce: false },
    },
  ],
);
