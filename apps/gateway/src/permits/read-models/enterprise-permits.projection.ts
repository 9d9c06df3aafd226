import type { PoolClient } from 'pg';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';

/** The status a permit case shows on the enterprise's page after each fact of permits.events. */
export const permitStatusAfter: Readonly<Record<string, string>> = {
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
    for (const event of events) {
      const change = permitRowChange(event);
      if (!change) continue;
      if (change.kind === 'insert') {
        const row = change.row;
        await db.query(
          `INSERT INTO ${table} (permit_case_id, credit_code, code, name_zh, authority, route, status, applicant_id,
             applied_at) VALUES ($1, $2, $3, $4, $5, $6, 'applied', $7, $8) ON CONFLICT DO NOTHING`,
          [
            row.permit_case_id,
            row.credit_code,
            row.code,
            row.name_zh,
            row.authority,
            row.route,
            row.applicant_id,
            row.applied_at,
          ],
        );
        continue;
      }
      const { permit_case_id, status, ...validity } = change.columns;
      const renewed = 'granted_at' in validity;
      await db.query(
        `UPDATE ${table} SET status = $2,
           granted_at = CASE WHEN $3 THEN $4::timestamptz ELSE granted_at END,
           valid_until = CASE WHEN $3 THEN $5::timestamptz ELSE valid_until END,
           last_valid_day = CASE WHEN $3 THEN $6 ELSE last_valid_day END
         WHERE permit_case_id = $1`,
        [
          permit_case_id,
          status,
          renewed,
          validity.granted_at ?? null,
          validity.valid_until ?? null,
          validity.last_valid_day ?? null,
        ],
      );
    }
  }
}

/** A row of enterprise_permits. */
export interface EnterprisePermitRow {
  permit_case_id: string;
  credit_code: string;
  code: string;
  name_zh: string;
  authority: string;
  route: string;
  status: string;
  applicant_id: string;
  applied_at: string;
  granted_at: string | null;
  valid_until: string | null;
  last_valid_day: string | null;
}

type PermitRowChange =
  | { kind: 'insert'; row: EnterprisePermitRow }
  | { kind: 'update'; columns: Pick<EnterprisePermitRow, 'permit_case_id' | 'status'> & Partial<EnterprisePermitRow> };

/** What one fact of permits.events does to its permit's row: opens it, or moves its status (and validity). */
export function permitRowChange({ type, data }: Pick<RecordedEvent, 'type' | 'data'>): PermitRowChange | undefined {
  const status = permitStatusAfter[type];
  if (!status) return undefined;
  const fact = data as Record<string, string> & { applicant?: { id: string } };
  if (typeof fact.caseId !== 'string' || typeof fact.creditCode !== 'string') return undefined;
  if (type === 'PermitApplied') {
    if (!fact.permitCode || !fact.nameZh || !fact.authority || !fact.route || !fact.appliedAt) return undefined;
    return {
      kind: 'insert',
      row: {
        permit_case_id: fact.caseId,
        credit_code: fact.creditCode,
        code: fact.permitCode,
        name_zh: fact.nameZh,
        authority: fact.authority,
        route: fact.route,
        status: 'applied',
        applicant_id: fact.applicant?.id ?? '',
        applied_at: fact.appliedAt,
        granted_at: null,
        valid_until: null,
        last_valid_day: null,
      },
    };
  }
  const columns = { permit_case_id: fact.caseId, status };
  if (type !== 'PermitGranted' && type !== 'PermitRenewed') return { kind: 'update', columns };
  return {
    kind: 'update',
    columns: {
      ...columns,
      granted_at: fact.grantedAt ?? fact.renewedAt ?? null,
      valid_until: fact.validUntil || null,
      last_valid_day: fact.lastValidDay || null,
    },
  };
}

/** The permit's row after a change, as the INSERT … ON CONFLICT DO NOTHING and the UPDATE leave it. */
export function permitRowAfter(
  row: EnterprisePermitRow | undefined,
  change: PermitRowChange,
): EnterprisePermitRow | undefined {
  if (change.kind === 'insert') return row ?? change.row;
  return row && { ...row, ...change.columns };
}
