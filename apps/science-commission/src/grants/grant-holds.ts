import { Inject, Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { inTransaction } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';

export interface GrantHoldRequest {
  caseId: string;
  programmeCode: string;
  creditCode: string;
  amountFen: number;
  /** The programme's budget under the policy the case started with; set once, on the programme's first hold. */
  budgetFen: number;
}

export type GrantHoldAnswer =
  | { held: true }
  | { held: false; code: 'already-funded-under-programme' | 'programme-budget-exhausted'; message: string };

/**
 * Eligibility that must hold under concurrency (R4.3): one legal entity funded once per programme (a partial unique
 * index on live holds) and the budget never exceeded (a guarded update of the programme's row, which serialises
 * holds on one programme). A hold lasts until the grant is withdrawn or refused; paid grants keep theirs.
 */
@Injectable()
export class GrantHolds {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Idempotent per case: asking again for a case already holding answers held. */
  hold(request: GrantHoldRequest, at: Date): Promise<GrantHoldAnswer> {
    return inTransaction(this.pool, async (db) => {
      if (await this.holds(db, request.caseId)) return { held: true } as const;
      await db.query(
        `INSERT INTO science.programme_budgets (programme_code, budget_fen) VALUES ($1, $2)
         ON CONFLICT (programme_code) DO NOTHING`,
        [request.programmeCode, request.budgetFen],
      );
      const inserted = await db.query(
        `INSERT INTO science.grant_holds (case_id, programme_code, credit_code, amount_fen, held_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING case_id`,
        [request.caseId, request.programmeCode, request.creditCode, request.amountFen, at],
      );
      if (inserted.rowCount !== 1) {
        if (await this.holds(db, request.caseId)) return { held: true } as const; // the same case, concurrently
        return {
          held: false,
          code: 'already-funded-under-programme',
          message: `该单位已在项目 ${request.programmeCode} 中申请或获得资助，同一法人单位同一项目只资助一次`,
        } as const;
      }
      if (!(await this.charge(db, request.programmeCode, request.amountFen))) {
        await db.query('DELETE FROM science.grant_holds WHERE case_id = $1', [request.caseId]);
        return {
          held: false,
          code: 'programme-budget-exhausted',
          message: `项目 ${request.programmeCode} 的预算余额不足以支付申请金额`,
        } as const;
      }
      return { held: true } as const;
    });
  }

  /** Gives the hold back (grant withdrawn or refused); once. */
  release(caseId: string, because: string, at: Date): Promise<void> {
    return inTransaction(this.pool, async (db) => {
      const { rows } = await db.query<{ programme_code: string; amount_fen: string }>(
        `UPDATE science.grant_holds SET released_at = $2, released_because = $3
         WHERE case_id = $1 AND released_at IS NULL RETURNING programme_code, amount_fen`,
        [caseId, at, because],
      );
      const released = rows[0];
      if (!released) return;
      await db.query('UPDATE science.programme_budgets SET held_fen = held_fen - $2 WHERE programme_code = $1', [
        released.programme_code,
        released.amount_fen,
      ]);
    });
  }

  async budget(programmeCode: string): Promise<{ budgetFen: number; heldFen: number } | undefined> {
    const { rows } = await this.pool.query<{ budget_fen: string; held_fen: string }>(
      'SELECT budget_fen, held_fen FROM science.programme_budgets WHERE programme_code = $1',
      [programmeCode],
    );
    const row = rows[0];
    return row && { budgetFen: Number(row.budget_fen), heldFen: Number(row.held_fen) };
  }

  private async holds(db: PoolClient, caseId: string): Promise<boolean> {
    const { rowCount } = await db.query(
      'SELECT 1 FROM science.grant_holds WHERE case_id = $1 AND released_at IS NULL',
      [caseId],
    );
    return rowCount === 1;
  }

  private async charge(db: PoolClient, programmeCode: string, amountFen: number): Promise<boolean> {
    const { rowCount } = await db.query(
      `UPDATE science.programme_budgets SET held_fen = held_fen + $2
       WHERE programme_code = $1 AND held_fen + $2 <= budget_fen`,
      [programmeCode, amountFen],
    );
    return rowCount === 1;
  }
}
