import { PolicyTimeline } from '../policy-timeline';

export type MakerSpaceLevel = 'national' | 'municipal';

/** R4.1: the one-off special grant that follows a maker space's recognition (Tongzhou rule). */
export interface MakerSpaceGrantPolicy {
  /** Whole yuan; money never passes through floating point. */
  readonly recognitionGrantYuan: Readonly<Record<MakerSpaceLevel, number>>;
}

export const makerSpaceGrantPolicies = new PolicyTimeline<MakerSpaceGrantPolicy>('maker-space-grant', [
  {
    // 通政办发〔2018〕5号; the opinion's exact start date is not in the domain notes, the start of 2018 is assumed.
    version: 'tongzhou-2018',
    effectiveFrom: '2018-01-01',
    value: { recognitionGrantYuan: { national: 500_000, municipal: 300_000 } },
  },
]);

export function recognitionGrantYuan(policy: MakerSpaceGrantPolicy, level: MakerSpaceLevel): number {
  return policy.recognitionGrantYuan[level];
}

/** The same grant in fen, as everything inside the system counts money. */
export function recognitionGrantFen(policy: MakerSpaceGrantPolicy, level: MakerSpaceLevel): number {
  return policy.recognitionGrantYuan[level] * 100;
}
