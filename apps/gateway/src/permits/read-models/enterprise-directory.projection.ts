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
    for (const event of events) {
      const change = directoryRowChange(event);
      if (change?.kind === 'insert') {
        const { credit_code, name, registrant_id, case_id, issued_at, business_scope } = change.row;
        await db.query(
          `INSERT INTO ${table} (credit_code, name, registrant_id, case_id, status, issued_at, business_scope)
           VALUES ($1, $2, $3, $4, 'licensed', $5, $6) ON CONFLICT (credit_code) DO NOTHING`,
          [credit_code, name, registrant_id, case_id, issued_at, JSON.stringify(business_scope)],
        );
      }
      if (change?.kind === 'deregister') {
        await db.query(`UPDATE ${table} SET status = 'deregistered' WHERE credit_code = $1`, [change.creditCode]);
      }
    }
  }
}

/** A row of enterprise_directory. */
export interface EnterpriseDirectoryRow {
  credit_code: string;
  name: string;
  registrant_id: string;
  case_id: string;
  status: 'licensed' | 'deregistered';
  issued_at: string;
  business_scope: string[];
}

type DirectoryRowChange = { kind: 'insert'; row: EnterpriseDirectoryRow } | { kind: 'deregister'; creditCode: string };

/** What a fact of registration.events does to the directory: lists a license, or marks its enterprise deregistered. */
export function directoryRowChange({
  type,
  data,
}: Pick<RecordedEvent, 'type' | 'data'>): DirectoryRowChange | undefined {
  if (type === 'LicenseIssued') {
    const issued = licenseIssued.safeParse(data);
    if (!issued.success) return undefined; // not a license this directory can list (an older shape, a test's stub)
    const { creditCode, enterpriseName, registrantId, caseId, issuedAt, businessScope } = issued.data;
    return {
      kind: 'insert',
      row: {
        credit_code: creditCode,
        name: enterpriseName,
        registrant_id: registrantId,
        case_id: caseId,
        status: 'licensed',
        issued_at: issuedAt,
        business_scope: businessScope,
      },
    };
  }
  if (type === 'EnterpriseDeregistered' && typeof data.creditCode === 'string') {
    return { kind: 'deregister', creditCode: data.creditCode };
  }
  return undefined;
}

/** The enterprise's row after a change, as the INSERT … DO NOTHING and the UPDATE leave it. */
export function directoryRowAfter(
  row: EnterpriseDirectoryRow | undefined,
  change: DirectoryRowChange,
): EnterpriseDirectoryRow | undefined {
  if (change.kind === 'insert') return row ?? change.row;
  return row && { ...row, status: 'deregistered' };
}

const licenseIssued = z.object({
  creditCode: z.string().min(1),
  enterpriseName: z.string().min(1),
  registrantId: z.string().min(1),
  caseId: z.string().min(1),
  issuedAt: z.string().min(1),
  businessScope: z.array(z.string()),
});
