import type { PolicyPeriod } from '@govflow/contracts';
import { PolicyTimeline } from '../policy-timeline';
import type { MakerSpaceLevel } from './maker-space-grant-policy';

/** How a programme's grant amount is found. */
export type GrantAmountRule =
  /** The one-off grant of a recognised maker space's level, from makerSpaceGrantPolicies (R4.1). */
  | { readonly kind: 'maker-space-recognition'; readonly level: MakerSpaceLevel }
  /** What the applicant asks, up to a ceiling (fen). */
  | { readonly kind: 'requested-up-to'; readonly maxFen: number };

/** When an expert panel passes an application; scores are 0–100. */
export interface ExpertPassRule {
  readonly kind: 'mean-at-least';
  readonly experts: number;
  readonly meanAtLeast: number;
  /** Every expert's score must be in before the rule decides. */
  readonly allScoresIn: boolean;
}

export interface GrantProgramme {
  readonly code: string;
  readonly name: string;
  readonly amountRule: GrantAmountRule;
  readonly budgetFen: number;
  readonly expertReview?: ExpertPassRule;
  /** 公示: how long the proposed grant is on public notice. */
  readonly noticePeriod: PolicyPeriod;
  /** How long each officer step takes before it is overdue. */
  readonly reviewPeriod: PolicyPeriod;
  /** Applied for by the enterprise (true) or created by the system after recognition (false). */
  readonly openToApplication: boolean;
}

export type GrantProgrammeCatalogue = readonly GrantProgramme[];

const fiveWorkingDays = { workingDays: 5 } as const;

export const grantProgrammes = new PolicyTimeline<GrantProgrammeCatalogue>('grant-programmes', [
  {
    version: 'grant-programmes-2018',
    effectiveFrom: '2018-01-01',
    value: [
      {
        code: 'MS-NATIONAL-ONE-OFF',
        name: '国家级众创空间一次性资金支持',
        amountRule: { kind: 'maker-space-recognition', level: 'national' },
        budgetFen: 5_000_000_00,
        noticePeriod: fiveWorkingDays,
        reviewPeriod: { workingDays: 5 },
        openToApplication: false,
      },
      {
        code: 'MS-MUNICIPAL-ONE-OFF',
        name: '市级众创空间一次性资金支持',
        amountRule: { kind: 'maker-space-recognition', level: 'municipal' },
        budgetFen: 6_000_000_00,
        noticePeriod: fiveWorkingDays,
        reviewPeriod: { workingDays: 5 },
        openToApplication: false,
      },
      {
        code: 'MS-OPERATION-SUBSIDY',
        name: '众创空间房租及运营补贴',
        amountRule: { kind: 'requested-up-to', maxFen: 200_000_00 },
        budgetFen: 2_000_000_00,
        expertReview: { kind: 'mean-at-least', experts: 3, meanAtLeast: 60, allScoresIn: true },
        noticePeriod: fiveWorkingDays,
        reviewPeriod: { workingDays: 5 },
        openToApplication: true,
      },
    ],
  },
]);

export function grantProgramme(catalogue: GrantProgrammeCatalogue, code: string): GrantProgramme | undefined {
  return catalogue.find((programme) => programme.code === code);
}

/** The programme that carries a recognised maker space's one-off grant at `level`. */
export function recognitionProgramme(catalogue: GrantProgrammeCatalogue, level: MakerSpaceLevel): GrantProgramme {
  const found = catalogue.find((p) => p.amountRule.kind === 'maker-space-recognition' && p.amountRule.level === level);
  if (!found) throw new Error(`No grant programme carries the ${level} maker-space grant`);
  return found;
}

export type ExpertVerdict = 'awaiting-scores' | 'passed' | 'failed';

/** The panel's verdict on the scores in so far (one per expert who scored; conflicted experts never score). */
export function expertVerdict(rule: ExpertPassRule, scores: readonly number[]): ExpertVerdict {
  if (rule.allScoresIn && scores.length < rule.experts) return 'awaiting-scores';
  if (scores.length === 0) return 'awaiting-scores';
  // Compare sums, not a floating mean: mean ≥ t ⇔ sum ≥ t × n.
  const sum = scores.reduce((total, score) => total + score, 0);
  return sum >= rule.meanAtLeast * scores.length ? 'passed' : 'failed';
}
