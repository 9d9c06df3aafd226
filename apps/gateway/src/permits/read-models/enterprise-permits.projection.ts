import type { PoolClient } from 'pg';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';

/** The status a permit case shows on the enterprise's page after each fact of permits.events. */
const statusAfter: Record<string, string> = {
  PermitApplied: 'applied',
  MaterialsRequested: 'awaiting-materials',
  MaterialsSupplied: 'under-review',
  ApplicationDeemedAccepted: 'under-review',
  PermitGranted: 'granted',
  PermitRefused: 'refused',
  PermitFiled: 'filed',
  PermitRevoked: 'revoked',
  PermitRenewed: 'granted',
  PermitExpired: 'expired',
  PermitEnded: 'ended',
};

/** One row per permit case, from permits.events: the enterprise record shows every permit's state (R2.2). */
export class EnterprisePermitsProjection implements Projection {
  readonly name = 'gateway-enterprise-permits';
  readonly table = 'enterprise_permits';

  async createTable(db: PoolClient, table: string): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
      permit_case_id text PRIMARY KEY,
      credit_code text NOT NULL,
      code text NOT NULL,
      name_zh text NOT NULL,
      authority text NOT NULL,
      route text NOT NULL,
      status text NOT NULL,
      applicant_id text NOT NULL,
      applied_at timestamptz NOT NULL,
      granted_at timestamptz,
      valid_until timestamptz,
      last_valid_day text)`);
    await db.query(`CREATE INDEX IF NOT EXISTS ${table}_credit_code_idx ON ${table} (credit_code, applied_at)`);
  }

  async apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void> {
    for (const { type, data } of events) {
      const status = statusAfter[type];
      if (!status) continue;
      const fact = data as Record<string, string> & { applicant?: { id: string } };
      if (typeof fact.caseId !== 'string' || typeof fact.creditCode !== 'string') continue;
      if (type === 'PermitApplied') {
        if (!fact.permitCode || !fact.nameZh || !fact.authority || !fact.route || !fact.appliedAt) continue;
        await db.query(
          `INSERT INTO ${table} (permit_case_id, credit_code, code, name_zh, authority, route, status, applicant_id,
             applied_at) VALUES ($1, $2, $3, $4, $5, $6, 'applied', $7, $8) ON CONFLICT DO NOTHING`,
          [
            fact.caseId,
            fact.creditCode,
            fact.permitCode,
            fact.nameZh,
            fact.authority,
            fact.route,
            fact.applicant?.id ?? '',
            fact.appliedAt,
          ],
        );
        continue;
      }
      const validity = type === 'PermitGranted' || type === 'PermitRenewed';
      await db.query(
        `UPDATE ${table} SET status = $2,
           granted_at = CASE WHEN $3 THEN $4::timestamptz ELSE granted_at END,
           valid_until = CASE WHEN $3 THEN $5::timestamptz ELSE valid_until END,
           last_valid_day = CASE WHEN $3 THEN $6 ELSE last_valid_day END
         WHERE permit_case_id = $1`,
        [
          fact.caseId,
          status,
          validity,
          fact.grantedAt ?? fact.renewedAt ?? null,
          fact.validUntil || null,
          fact.lastValidDay || null,
        ],
      );
    }
  }
}
