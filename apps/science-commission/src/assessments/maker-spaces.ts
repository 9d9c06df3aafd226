import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { AssessmentOutcome, RecognisedMakerSpace } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';

type Db = Pick<PoolClient, 'query'>;
export type RecognitionEnd = 'revoked' | 'enterprise-deregistered';

/** The science commission's recognised maker spaces and each one's assessment history (R4.4). */
@Injectable()
export class MakerSpaces {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Once per case: a retried recognition keeps the first. */
  async recordRecognised(db: Db, space: RecognisedMakerSpace, at: Date): Promise<void> {
    await db.query(
      `INSERT INTO science.maker_spaces (case_id, credit_code, enterprise_name, owner_id, level, recognised_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id) DO NOTHING`,
      [space.caseId, space.creditCode, space.enterpriseName, space.ownerId, space.level, at],
    );
  }

  /** Recognised before `asOf` and neither revoked nor ended, oldest first. */
  async recognised(asOf: Date): Promise<RecognisedMakerSpace[]> {
    const { rows } = await this.pool.query<Record<string, string>>(
      `SELECT case_id, credit_code, enterprise_name, owner_id, level FROM science.maker_spaces
       WHERE recognised_at <= $1 AND ended_at IS NULL ORDER BY recognised_at, case_id`,
      [asOf],
    );
    return rows.map(toSpace);
  }

  /** The year's result, once (a retry keeps the first); then the failed years in a row ending with `year`. */
  async recordResult(
    db: Db,
    result: { caseId: string; year: number; outcome: AssessmentOutcome; policyVersion: string; at: Date },
  ): Promise<{ inserted: boolean; consecutiveFails: number }> {
    const inserted = await db.query(
      `INSERT INTO science.assessments (case_id, year, outcome, policy_version, assessed_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id, year) DO NOTHING`,
      [result.caseId, result.year, result.outcome, result.policyVersion, result.at],
    );
    const { rows } = await db.query<{ year: number; outcome: AssessmentOutcome }>(
      `SELECT year, outcome FROM science.assessments WHERE case_id = $1 AND year <= $2 ORDER BY year DESC`,
      [result.caseId, result.year],
    );
    let consecutiveFails = 0;
    for (const [index, row] of rows.entries()) {
      if (row.year !== result.year - index || row.outcome !== 'failed') break;
      consecutiveFails++;
    }
    return { inserted: inserted.rowCount === 1, consecutiveFails };
  }

  /** Ends a live recognition; answers the maker space only when this call ended it (a retry finds it ended). */
  async end(db: Db, caseId: string, because: RecognitionEnd, at: Date): Promise<RecognisedMakerSpace | undefined> {
    const { rows } = await db.query<Record<string, string>>(
      `UPDATE science.maker_spaces SET ended_at = $3, ended_because = $2
       WHERE case_id = $1 AND ended_at IS NULL
       RETURNING case_id, credit_code, enterprise_name, owner_id, level`,
      [caseId, because, at],
    );
    const row = rows[0];
    return row && toSpace(row);
  }

  /** Live recognitions of an enterprise (a deregistration ends each). */
  async liveOf(db: Db, creditCode: string): Promise<string[]> {
    const { rows } = await db.query<{ case_id: string }>(
      `SELECT case_id FROM science.maker_spaces WHERE credit_code = $1 AND ended_at IS NULL`,
      [creditCode],
    );
    return rows.map((row) => row.case_id);
  }
}

function toSpace(row: Record<string, string>): RecognisedMakerSpace {
  return {
    caseId: row.case_id!,
    creditCode: row.credit_code!,
    enterpriseName: row.enterprise_name!,
    ownerId: row.owner_id!,
    level: row.level as RecognisedMakerSpace['level'],
  };
}
