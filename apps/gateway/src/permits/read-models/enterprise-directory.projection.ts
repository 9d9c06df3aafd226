import type { PoolClient } from 'pg';
import { z } from 'zod';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';

/** Every licensed enterprise from registration.events: who holds it, its name, and whether it is still registered. */
export class EnterpriseDirectoryProjection implements Projection {
  readonly name = 'gateway-enterprise-directory';
  readonly table = 'enterprise_directory';

  async createTable(db: PoolClient, table: string): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
      credit_code text PRIMARY KEY,
      name text NOT NULL,
      registrant_id text NOT NULL,
      case_id text NOT NULL,
      status text NOT NULL,
      issued_at timestamptz NOT NULL,
      business_scope jsonb NOT NULL)`);
    await db.query(`CREATE INDEX IF NOT EXISTS ${table}_registrant_idx ON ${table} (registrant_id)`);
  }

  async apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void> {
    for (const { type, data } of events) {
      if (type === 'LicenseIssued') {
        const issued = licenseIssued.safeParse(data);
        if (!issued.success) continue; // not a license this directory can list (an older shape, a test's stub)
        const { creditCode, enterpriseName, registrantId, caseId, issuedAt, businessScope } = issued.data;
        await db.query(
          `INSERT INTO ${table} (credit_code, name, registrant_id, case_id, status, issued_at, business_scope)
           VALUES ($1, $2, $3, $4, 'licensed', $5, $6) ON CONFLICT (credit_code) DO NOTHING`,
          [creditCode, enterpriseName, registrantId, caseId, issuedAt, JSON.stringify(businessScope)],
        );
      }
      if (type === 'EnterpriseDeregistered' && typeof data.creditCode === 'string') {
        await db.query(`UPDATE ${table} SET status = 'deregistered' WHERE credit_code = $1`, [data.creditCode]);
      }
    }
  }
}

const licenseIssued = z.object({
  creditCode: z.string().min(1),
  enterpriseName: z.string().min(1),
  registrantId: z.string().min(1),
  caseId: z.string().min(1),
  issuedAt: z.string().min(1),
  businessScope: z.array(z.string()),
});
