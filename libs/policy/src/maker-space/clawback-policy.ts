import { PolicyTimeline } from '../policy-timeline';

/** R4.4: why a paid grant is clawed back (收回财政资金). */
export type ClawbackGround = 'false-material-or-fraud' | 'misuse-of-funds';
export const clawbackGrounds: readonly ClawbackGround[] = ['false-material-or-fraud', 'misuse-of-funds'];

/** A fine rate range in basis points (1 % = 100), both ends included. */
export interface RateRange {
  readonly minBasisPoints: number;
  readonly maxBasisPoints: number;
}

export interface ClawbackPolicy {
  readonly fineRate: Readonly<Record<ClawbackGround, RateRange>>;
}

export const clawbackPolicies = new PolicyTimeline<ClawbackPolicy>('grant-clawback', [
  {
    // Tongzhou measures (通政办发〔2018〕5号), start of 2018 assumed as for the grant amounts.
    version: 'clawback-2018',
    effectiveFrom: '2018-01-01',
    value: {
      fineRate: {
        'false-material-or-fraud': { minBasisPoints: 1_000, maxBasisPoints: 5_000 },
        'misuse-of-funds': { minBasisPoints: 1_000, maxBasisPoints: 3_000 },
      },
    },
  },
]);

export type ClawbackComputation =
  | { readonly ok: true; readonly grantFen: number; readonly fineFen: number; readonly dueFen: number }
  | { readonly ok: false; readonly range: RateRange; readonly message: string };

/** The amount due (grant + fine, fen, the fine rounded half up to the fen), or why the rate is refused. */
export function computeClawback(
  policy: ClawbackPolicy,
  ground: ClawbackGround,
  grantFen: number,
  rateBasisPoints: number,
): ClawbackComputation {
  const range = policy.fineRate[ground];
  if (
    !Number.isInteger(rateBasisPoints) ||
    rateBasisPoints < range.minBasisPoints ||
    rateBasisPoints > range.maxBasisPoints
  ) {
    const percent = (bp: number) => `${bp / 100}%`;
    const message = `罚款比例须在 ${percent(range.minBasisPoints)} 至 ${percent(range.maxBasisPoints)} 之间`;
    return { ok: false, range, message };
  }
  const fineFen = Math.floor((grantFen * rateBasisPoints + 5_000) / 10_000);
  return { ok: true, grantFen, fineFen, dueFen: grantFen + fineFen };
}
