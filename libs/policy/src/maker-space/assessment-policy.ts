import type { PolicyPeriod } from '@govflow/contracts';
import { PolicyTimeline } from '../policy-timeline';

/** R4.4: what a maker space reports for a calendar year (money in fen). */
export interface AssessmentIndicators {
  readonly fundsInvestedFen: number;
  readonly trainingSessions: number;
  readonly trainees: number;
  readonly teamsAdmitted: number;
  readonly teamsRegistered: number;
  readonly companiesRegisteredByGraduates: number;
}
export type AssessmentIndicator = keyof AssessmentIndicators;

export const assessmentIndicatorLabels: Readonly<Record<AssessmentIndicator, string>> = {
  fundsInvestedFen: '投入资金',
  trainingSessions: '开展培训场次',
  trainees: '培训人数',
  teamsAdmitted: '入驻团队数',
  teamsRegistered: '入驻团队注册企业数',
  companiesRegisteredByGraduates: '毕业团队注册企业数',
};

export interface AssessmentPolicy {
  /** From the day the year's assessment starts; a report not filed by then counts as a fail. */
  readonly reportPeriod: PolicyPeriod;
  /** How long an officer has for the guidance after a failed year. */
  readonly guidancePeriod: PolicyPeriod;
  /** Consecutive failed years that revoke the recognition (2 in Tongzhou). */
  readonly revokeAfterConsecutiveFails: number;
  /** Each indicator's minimum for a pass. */
  readonly thresholds: AssessmentIndicators;
}

/** Versions take effect by the assessed year: the year's thresholds are those in force on its 1 January. */
export const assessmentPolicies = new PolicyTimeline<AssessmentPolicy>('maker-space-assessment', [
  {
    // Tongzhou measures (通政办发〔2018〕5号): two consecutive failed years revoke the recognition (R4.4).
    version: 'assessment-2018',
    effectiveFrom: '2018-01-01',
    value: {
      reportPeriod: { days: 30 },
      guidancePeriod: { workingDays: 10 },
      revokeAfterConsecutiveFails: 2,
      thresholds: {
        fundsInvestedFen: 50_000_000,
        trainingSessions: 6,
        trainees: 100,
        teamsAdmitted: 10,
        teamsRegistered: 3,
        companiesRegisteredByGraduates: 1,
      },
    },
  },
]);

/** The policy of the assessed calendar year (Beijing). */
export const assessmentPolicyOfYear = (year: number) => assessmentPolicies.at(new Date(`${year}-01-01T00:00:00+08:00`));

export interface FailedIndicator {
  readonly indicator: AssessmentIndicator;
  readonly label: string;
  readonly required: number;
  readonly reported: number;
}

/** Every indicator below its threshold; none means the year passes. */
export function failedIndicators(thresholds: AssessmentIndicators, reported: AssessmentIndicators): FailedIndicator[] {
  return (Object.keys(thresholds) as AssessmentIndicator[])
    .filter((indicator) => reported[indicator] < thresholds[indicator])
    .map((indicator) => ({
      indicator,
      label: assessmentIndicatorLabels[indicator],
      required: thresholds[indicator],
      reported: reported[indicator],
    }));
}
