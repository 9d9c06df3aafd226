import { Inject, Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { inTransaction } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';

export interface VoucherHoldRequest {
  voucherId: string;
  programmeCode: string;
  budgetYear: number;
  creditCode: string;
  amountFen: number;
  /** The year's budget under the policy the voucher started with; set once, on the year's first claim. */
  yearlyBudgetFen: number;
  liveVouchersPerEnterprise: number;
}

export type VoucherHoldAnswer =
  | { held: true }
  | { held: false; code: 'budget-exhausted'; leftFen: number; message: string }
  | { held: false; code: 'too-many-live-vouchers'; message: string };

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * The voucher budget (R4.2) under concurrency: the guarded update of the programme-year's row comes first, so it
 * both refuses a claim beyond the budget and serialises the claims of one programme-year until commit; the count
 * of the enterprise's live vouchers read after it therefore sees every claim committed before.
 */
@Injectable()
export class VoucherHolds {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Idempotent per voucher: asking again for a voucher already holding answers held. */
  hold(request: VoucherHoldRequest, at: Date): Promise<VoucherHoldAnswer> {
    const { voucherId, programmeCode, budgetYear, creditCode, amountFen } = request;
    return inTransaction(this.pool, async (db) => {
      if (await this.holds(db, voucherId)) return { held: true } as const;
      await db.query(
        `INSERT INTO science.voucher_budgets (programme_code, budget_year, budget_fen) VALUES ($1, $2, $3)
         ON CONFLICT (programme_code, budget_year) DO NOTHING`,
        [programmeCode, budgetYear, request.yearlyBudgetFen],
      );
      const charged = await db.query<{ budget_fen: string; held_fen: string }>(
        `UPDATE science.voucher_budgets SET held_fen = held_fen + $3
         WHERE programme_code = $1 AND budget_year = $2 AND held_fen + $3 <= budget_fen RETURNING budget_fen`,
        [programmeCode, budgetYear, amountFen],
      );
      if (charged.rowCount !== 1) {
        const leftFen = await this.left(db, programmeCode, budgetYear);
        const message = `创新券 ${programmeCode} ${budgetYear} 年度预算余额 ${yuan(leftFen)} 元，不足以发放 ${yuan(amountFen)} 元`;
        return { held: false, code: 'budget-exhausted', leftFen, message } as const;
      }
      if (await this.holds(db, voucherId)) {
        throw new Error(`voucher ${voucherId} held concurrently`); // rolls the charge back; the retry answers held
      }
      const live = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM science.voucher_holds
         WHERE programme_code = $1 AND credit_code = $2 AND released_at IS NULL`,
        [programmeCode, creditCode],
      );
      if (Number(live.rows[0]?.n) >= request.liveVouchersPerEnterprise) {
        await db.query(
          'UPDATE science.voucher_budgets SET held_fen = held_fen - $3 WHERE programme_code = $1 AND budget_year = $2',
          [programmeCode, budgetYear, amountFen],
        );
        const message = `该企业已持有 ${request.liveVouchersPerEnterprise} 张未使用完毕的 ${programmeCode} 创新券`;
        return { held: false, code: 'too-many-live-vouchers', message } as const;
      }
      await db.query(
        `INSERT INTO science.voucher_holds (voucher_id, programme_code, budget_year, credit_code, amount_fen, held_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [voucherId, programmeCode, budgetYear, creditCode, amountFen, at],
      );
      return { held: true } as const;
    });
  }

  /** Returns what was not spent to the year's budget; once per voucher. */
  release(voucherId: string, because: string, spentFen: number, at: Date): Promise<void> {
    return inTransaction(this.pool, async (db) => {
      const { rows } = await db.query<{ programme_code: string; budget_year: number; returned_fen: string }>(
        `UPDATE science.voucher_holds SET released_at = $2, released_because = $3,
           returned_fen = GREATEST(amount_fen - $4, 0)
         WHERE voucher_id = $1 AND released_at IS NULL RETURNING programme_code, budget_year, returned_fen`,
        [voucherId, at, because, spentFen],
      );
      const released = rows[0];
      if (!released) return;
      await db.query(
        'UPDATE science.voucher_budgets SET held_fen = held_fen - $3 WHERE programme_code = $1 AND budget_year = $2',
        [released.programme_code, released.budget_year, released.returned_fen],
      );
    });
  }

  async budget(programmeCode: string, budgetYear: number): Promise<{ budgetFen: number; heldFen: number } | undefined> {
    const { rows } = await this.pool.query<{ budget_fen: string; held_fen: string }>(
      'SELECT budget_fen, held_fen FROM science.voucher_budgets WHERE programme_code = $1 AND budget_year = $2',
      [programmeCode, budgetYear],
    );
    const row = rows[0];
    return row && { budgetFen: Number(row.budget_fen), heldFen: Number(row.held_fen) };
  }

  private async left(db: PoolClient, programmeCode: string, budgetYear: number): Promise<number> {
    const { rows } = await db.query<{ left_fen: string }>(
      `SELECT budget_fen - held_fen AS left_fen FROM science.voucher_budgets
       WHERE programme_code = $1 AND budget_year = $2`,
      [programmeCode, budgetYear],
    );
    return Number(rows[0]?.left_fen ?? 0);
  }

  private async holds(db: PoolClient, voucherId: string): Promise<boolean> {
    const { rowCount } = await db.query('SELECT 1 FROM science.voucher_holds WHERE voucher_id = $1', [voucherId]);
    return rowCount === 1;
  }
}
