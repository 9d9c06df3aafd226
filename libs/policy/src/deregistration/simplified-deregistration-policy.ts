import type { PolicyPeriod } from '@govflow/contracts';
import { PolicyTimeline } from '../policy-timeline';

/** R3.2: the public announcement (简易注销公告) that precedes a simplified deregistration, and what follows it. */
export interface SimplifiedDeregistrationPolicy {
  readonly announcementPeriod: PolicyPeriod;
  /** Since the 2022 regulation individual businesses (个体工商户) skip the announcement. */
  readonly individualBusinessesAnnounce: boolean;
  /** After the period the enterprise confirms its application within this period, or the case lapses. */
  readonly confirmationPeriod: PolicyPeriod;
  /** The longer window the enterprise may ask for, once. */
  readonly extendedConfirmationPeriod: PolicyPeriod;
  /** The officer decides within this period of the confirmation. */
  readonly reviewPeriod: PolicyPeriod;
}

const afterAnnouncement = {
  confirmationPeriod: { days: 20 },
  extendedConfirmationPeriod: { days: 30 },
  reviewPeriod: { workingDays: 3 },
} as const;

export const simplifiedDeregistrationPolicies = new PolicyTimeline<SimplifiedDeregistrationPolicy>(
  'simplified-deregistration',
  [
    {
      version: 'deregistration-2017',
      effectiveFrom: '2017-03-01',
      value: { announcementPeriod: { days: 45 }, individualBusinessesAnnounce: true, ...afterAnnouncement },
    },
    {
      // 国市监注发〔2021〕45号 (no case has run under these versions yet: the workflow is new).
      version: 'deregistration-2021',
      effectiveFrom: '2021-08-04',
      value: { announcementPeriod: { days: 20 }, individualBusinessesAnnounce: true, ...afterAnnouncement },
    },
    {
      // 市场主体登记管理条例, in force 2022-03-01.
      version: 'deregistration-2022',
      effectiveFrom: '2022-03-01',
      value: { announcementPeriod: { days: 20 }, individualBusinessesAnnounce: false, ...afterAnnouncement },
    },
  ],
);
