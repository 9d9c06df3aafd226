import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@govflow/platform';
import { fenToYuan } from '../money';
import { ScienceRecordProjection } from './science-record.projection';

const table = new ScienceRecordProjection().table;

type Detail = Record<string, unknown>;
interface Row {
  entry_id: string;
  kind: string;
  case_id: string;
  first_at: Date;
  detail: Detail;
}

const str = (value: unknown) => (typeof value === 'string' ? value : null);
const yuan = (value: unknown) => (typeof value === 'number' ? fenToYuan(value) : null);

export interface ScienceRecord {
  makerSpaces: ReturnType<typeof makerSpaceOf>[];
  grants: ReturnType<typeof grantOf>[];
  clawbacks: ReturnType<typeof clawbackOf>[];
  referrals: ReturnType<typeof referralOf>[];
}

/** Reads the science record (a projection of science-commission.events); money as yuan decimal strings. */
@Injectable()
export class ScienceRecords {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Everything the science commission holds about one enterprise, oldest first in each part. */
  async of(creditCode: string): Promise<ScienceRecord> {
    const { rows } = await this.pool.query<Row>(
      `SELECT entry_id, kind, case_id, first_at, detail FROM ${table}
        WHERE credit_code = $1
           OR case_id IN (SELECT case_id FROM ${table} WHERE kind = 'grant' AND credit_code = $1)
        ORDER BY first_at, entry_id`,
      [creditCode],
    );
    const grantFen = new Map(rows.filter((r) => r.kind === 'grant').map((r) => [r.case_id, r.detail]));
    const of = (kind: string) => rows.filter((row) => row.kind === kind);
    const recovered = new Map(
      of('clawback')
        .filter((row) => typeof row.detail.recoveredAt === 'string')
        .map((row) => [row.case_id, row.detail.recoveredAt as string]),
    );
    return {
      makerSpaces: of('maker-space').map(makerSpaceOf),
      grants: of('grant').map((row) => grantOf(row, recovered.get(row.case_id))),
      clawbacks: of('clawback').map((row) => clawbackOf(row, grantFen.get(row.case_id))),
      referrals: of('referral').map(referralOf),
    };
  }

  /** When the recovery of each of these grants was confirmed, for those clawed back. */
  async recoveredAt(grantCaseIds: readonly string[]): Promise<Map<string, string>> {
    if (grantCaseIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ case_id: string; recovered_at: string }>(
      `SELECT case_id, min(detail->>'recoveredAt') AS recovered_at FROM ${table}
        WHERE kind = 'clawback' AND case_id = ANY($1) AND detail ? 'recoveredAt' GROUP BY case_id`,
      [grantCaseIds],
    );
    return new Map(rows.map((row) => [row.case_id, row.recovered_at]));
  }
}

function makerSpaceOf({ case_id, detail }: Row) {
  const status = detail.recognisedAt ? 'recognised' : detail.refusedAt ? 'rejected' : 'under-review';
  return {
    caseId: case_id,
    level: str(detail.level),
    status,
    appliedAt: str(detail.appliedAt),
    recognisedAt: str(detail.recognisedAt),
    exemptionStartsOn: str(detail.exemptionStartsOn),
    refusedAt: str(detail.refusedAt),
  };
}

/** A grant clawed back is 已追回, and its 上网公示 withdrawn on the day the recovery was confirmed. */
function grantOf({ case_id, detail }: Row, recoveredAt: string | undefined) {
  const status = recoveredAt
    ? 'recovered'
    : detail.paidAt
      ? 'paid'
      : detail.rejectedAt
        ? 'rejected'
        : detail.withdrawnAt
          ? 'withdrawn'
          : 'in-progress';
  return {
    caseId: case_id,
    programmeCode: str(detail.programmeCode),
    status,
    amount: yuan(detail.amountFen),
    appliedAt: str(detail.appliedAt),
    paidAmount: yuan(detail.paidFen),
    paidAt: str(detail.paidAt),
    publishedAt: str(detail.publishedAt),
    recoveredAt: recoveredAt ?? null,
    publicationWithdrawnAt: detail.publishedAt && recoveredAt ? recoveredAt : null,
  };
}

function clawbackOf({ case_id, detail }: Row, grant: Detail | undefined) {
  const status = detail.recoveredAt ? 'confirmed' : detail.notConfirmedAt ? 'not-confirmed' : 'awaiting-confirmation';
  const rate = typeof detail.rateBasisPoints === 'number' ? `${detail.rateBasisPoints / 100}` : null;
  return {
    clawbackId: str(detail.clawbackId),
    grantCaseId: case_id,
    programmeCode: str(grant?.programmeCode),
    ground: str(detail.ground),
    rate,
    grantAmount: yuan(detail.grantFen),
    fine: yuan(detail.fineFen),
    amountDue: yuan(detail.dueFen),
    reason: str(detail.reason),
    status,
    openedAt: str(detail.openedAt),
    recoveredAt: str(detail.recoveredAt),
  };
}

function referralOf({ case_id, detail }: Row) {
  return {
    clawbackId: str(detail.clawbackId),
    grantCaseId: case_id,
    ground: str(detail.ground),
    amountDue: yuan(detail.dueFen),
    reason: str(detail.reason),
    referredAt: str(detail.referredAt),
  };
}
