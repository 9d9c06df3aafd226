import { PolicyTimeline } from '../policy-timeline';
import type { MakerSpaceLevel } from './maker-space-grant-policy';

/** What a maker space declares when it applies for recognition (R4.1). */
export interface MakerSpaceFigures {
  readonly monthsInOperation: number;
  readonly floorAreaM2: number;
  readonly workstations: number;
  readonly residentTeams: number;
  readonly mentors: number;
  readonly eventsPerYear: number;
}
export type MakerSpaceFigure = keyof MakerSpaceFigures;

export interface FigureAtLeast {
  readonly figure: MakerSpaceFigure;
  readonly atLeast: number;
}

/** One criterion: met when every `allOf` holds, or (when given) any one of `anyOf`. */
export interface MakerSpaceCriterion {
  readonly code: string;
  /** How the criterion reads to the applicant and officer, e.g. 运营时间满18个月. */
  readonly label: string;
  readonly anyOf: readonly FigureAtLeast[];
}

export type MakerSpaceCriteria = Readonly<Record<MakerSpaceLevel, readonly MakerSpaceCriterion[]>>;

const atLeast = (code: string, label: string, figure: MakerSpaceFigure, minimum: number): MakerSpaceCriterion => ({
  code,
  label,
  anyOf: [{ figure, atLeast: minimum }],
});

/**
 * The criteria per level. National: the filing criteria of 国家众创空间备案暂行规定 (国科火字〔2017〕120号) as the
 * issue states them (≥ 18 months, ≥ 500 m² or ≥ 30 work-stations, ≥ 20 resident teams); the mentor and event
 * thresholds and the whole municipal set are this project's reading, to be checked against the documents.
 */
export const makerSpaceCriteria = new PolicyTimeline<MakerSpaceCriteria>('maker-space-criteria', [
  {
    version: 'maker-space-2017',
    effectiveFrom: '2017-07-01',
    value: {
      national: [
        atLeast('months-in-operation', '运营时间满18个月', 'monthsInOperation', 18),
        {
          code: 'space',
          label: '服务场地面积不少于500平方米或工位不少于30个',
          anyOf: [
            { figure: 'floorAreaM2', atLeast: 500 },
            { figure: 'workstations', atLeast: 30 },
          ],
        },
        atLeast('resident-teams', '入驻创业团队和初创企业不少于20个', 'residentTeams', 20),
        atLeast('mentors', '专兼职创业导师不少于5名', 'mentors', 5),
        atLeast('events-per-year', '每年举办创新创业活动不少于12场', 'eventsPerYear', 12),
      ],
      municipal: [
        atLeast('months-in-operation', '运营时间满12个月', 'monthsInOperation', 12),
        {
          code: 'space',
          label: '服务场地面积不少于300平方米或工位不少于20个',
          anyOf: [
            { figure: 'floorAreaM2', atLeast: 300 },
            { figure: 'workstations', atLeast: 20 },
          ],
        },
        atLeast('resident-teams', '入驻创业团队和初创企业不少于10个', 'residentTeams', 10),
        atLeast('mentors', '专兼职创业导师不少于3名', 'mentors', 3),
        atLeast('events-per-year', '每年举办创新创业活动不少于6场', 'eventsPerYear', 6),
      ],
    },
  },
]);

export interface FailedCriterion {
  readonly code: string;
  readonly label: string;
  /** The declared figures the criterion looked at, e.g. { floorAreaM2: 320, workstations: 18 }. */
  readonly declared: Readonly<Partial<MakerSpaceFigures>>;
}

/** Every criterion of the level the figures fail, in the policy's order (empty: all met). */
export function failedCriteria(
  criteria: MakerSpaceCriteria,
  level: MakerSpaceLevel,
  figures: MakerSpaceFigures,
): FailedCriterion[] {
  return criteria[level]
    .filter((criterion) => !criterion.anyOf.some(({ figure, atLeast }) => figures[figure] >= atLeast))
    .map(({ code, label, anyOf }) => ({
      code,
      label,
      declared: Object.fromEntries(anyOf.map(({ figure }) => [figure, figures[figure]])),
    }));
}
