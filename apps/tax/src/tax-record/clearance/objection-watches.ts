import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';

/** A deregistration case tax must answer by `dueAt` (the day after its announcement period, on its clock). */
export interface ObjectionWatch {
  caseId: string;
  taxpayerId: string;
  dueAt: Date;
  /** The event that told tax of the announcement: what tax's answer is caused by. */
  causationId: string;
}

/**
 * Tax's own table of deregistration notices awaiting an answer, written in the transaction that records the notice,
 * so the sweeper finds each one however the service restarts.
 */
@Injectable()
export class ObjectionWatches {
  async watch(
    db: Pick<PoolClient, 'query'>,
    { caseId, taxpayerId, dueAt, causationId }: ObjectionWatch,
  ): Promise<void> {
    await db.query(
      `INSERT INTO tax.objection_watches (case_id, taxpayer_id, due_at, causation_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO NOTHING`,
      [caseId, taxpayerId, dueAt, causationId],
    );
  }

  async due(db: Pick<PoolClient, 'query'>, now: Date, limit = 50): Promise<ObjectionWatch[]> {
    const { rows } = await db.query<{ case_id: string; taxpayer_id: string; due_at: Date; causation_id: string }>(
      `SELECT case_id, taxpayer_id, due_at, causation_id FROM tax.objection_watches
       WHERE answered_at IS NULL AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      taxpayerId: r.taxpayer_id,
      dueAt: r.due_at,
      causationId: r.causation_id,
    }));
  }

  async answered(db: Pick<PoolClient, 'query'>, caseId: string, at: Date): Promise<void> {
    await db.query('UPDATE tax.objection_watches SET answered_at = $2 WHERE case_id = $1', [caseId, at]);
  }
}
