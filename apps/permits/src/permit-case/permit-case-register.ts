import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { PermitFact } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import type { EventMetadata } from '@govflow/messaging';
import { permitCatalogues } from '@govflow/policy';
import { isUniqueViolation, uuidV5 } from '../shared/uuid-v5';
import { coveredByOtherPermit, permitCaseOpen } from './permit-refusals';

// A fixed namespace for permit facts: the same idempotency key always names the same event (RFC 4122 v5).
const PERMIT_FACTS_NAMESPACE = 'a3c1f0de-6a3b-4f5e-9d0e-6b1f2c3d4e5f';
const EVENT_ID_TAKEN = 'events_event_id_key';
const ONE_OPEN_CASE = 'cases_one_open_per_item';

/** The one place that names a permit case's stream. */
export const permitStreamId = (caseId: string): string => `permit-${caseId}`;

/** The register's status after each fact, and whether the case still runs (blocks a second application). */
const statusAfter: Partial<Record<PermitFact['type'], { status: string; open: boolean }>> = {
  PermitApplied: { status: 'applied', open: true },
  PermitGranted: { status: 'granted', open: false },
  PermitRefused: { status: 'refused', open: false },
  PermitFiled: { status: 'filed', open: false },
  PermitRevoked: { status: 'revoked', open: false },
  PermitRenewed: { status: 'granted', open: false },
  PermitExpired: { status: 'expired', open: false },
  PermitEnded: { status: 'ended', open: false },
};

/**
 * Records a permit case's facts on stream `permit-<caseId>` (published on permits.events by the outbox), with the
 * register of cases in the same transaction. A fact already recorded under its key is not recorded again.
 */
@Injectable()
export class PermitCaseRegister {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async record(idempotencyKey: string, fact: PermitFact, metadata: EventMetadata): Promise<void> {
    const { type, ...data } = fact;
    const event = {
      eventId: uuidV5(idempotencyKey, PERMIT_FACTS_NAMESPACE),
      type,
      data: data as Record<string, unknown>,
      metadata,
    };
    try {
      await this.store.transaction(async (db) => {
        if (fact.type === 'PermitApplied') await this.open(db, fact);
        else await this.move(db, fact);
        await this.store.append(permitStreamId(fact.caseId), 'any', [event]);
      });
    } catch (error) {
      if (isUniqueViolation(error, EVENT_ID_TAKEN)) return;
      throw error;
    }
  }

  private async open(db: PoolClient, fact: Extract<PermitFact, { type: 'PermitApplied' }>): Promise<void> {
    const entry = permitCatalogues.byVersion(fact.catalogueVersion).value.find((e) => e.code === fact.permitCode);
    for (const coveringCode of entry?.coveredBy ?? []) {
      const held = await db.query(
        `SELECT 1 FROM permits.cases WHERE credit_code = $1 AND permit_code = $2 AND status = 'granted'`,
        [fact.creditCode, coveringCode],
      );
      const covering = permitCatalogues.byVersion(fact.catalogueVersion).value.find((e) => e.code === coveringCode);
      if (held.rowCount) throw coveredByOtherPermit(fact.nameZh, covering?.nameZh ?? coveringCode);
    }
    await db.query('SAVEPOINT open_case');
    try {
      await db.query(
        `INSERT INTO permits.cases (case_id, credit_code, permit_code, status, open, updated_at)
         VALUES ($1, $2, $3, 'applied', true, $4) ON CONFLICT (case_id) DO NOTHING`,
        [fact.caseId, fact.creditCode, fact.permitCode, fact.appliedAt],
      );
    } catch (error) {
      if (!isUniqueViolation(error, ONE_OPEN_CASE)) throw error;
      await db.query('ROLLBACK TO SAVEPOINT open_case');
      const { rows } = await db.query<{ case_id: string }>(
        'SELECT case_id FROM permits.cases WHERE credit_code = $1 AND permit_code = $2 AND open',
        [fact.creditCode, fact.permitCode],
      );
      throw permitCaseOpen(fact.nameZh, rows[0]?.case_id ?? '');
    }
  }

  private async move(db: PoolClient, fact: PermitFact): Promise<void> {
    const after = statusAfter[fact.type];
    if (!after) return;
    await db.query('UPDATE permits.cases SET status = $2, open = $3, updated_at = now() WHERE case_id = $1', [
      fact.caseId,
      after.status,
      after.open,
    ]);
  }
}
