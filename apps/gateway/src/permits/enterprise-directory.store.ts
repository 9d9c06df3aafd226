import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@govflow/platform';
import { EnterpriseDirectoryProjection } from './read-models/enterprise-directory.projection';
import { EnterprisePermitsProjection } from './read-models/enterprise-permits.projection';

const directory = new EnterpriseDirectoryProjection().table;
const permits = new EnterprisePermitsProjection().table;

export interface EnterpriseEntry {
  creditCode: string;
  name: string;
  registrantId: string;
  caseId: string;
  status: string;
  issuedAt: string;
  businessScope: string[];
}

export interface EnterprisePermit {
  permitCaseId: string;
  code: string;
  nameZh: string;
  authority: string;
  route: string;
  status: string;
  grantedAt: string | null;
  validUntil: string | null;
  lastValidDay: string | null;
}

/** Reads the gateway's enterprise directory and each enterprise's permit cases (projections of Kafka topics). */
@Injectable()
export class EnterpriseDirectory {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async find(creditCode: string): Promise<EnterpriseEntry | undefined> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT * FROM ${directory} WHERE credit_code = $1`,
      [creditCode],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      creditCode: row.credit_code as string,
      name: row.name as string,
      registrantId: row.registrant_id as string,
      caseId: row.case_id as string,
      status: row.status as string,
      issuedAt: (row.issued_at as Date).toISOString(),
      businessScope: row.business_scope as string[],
    };
  }

  async permitsOf(creditCode: string): Promise<EnterprisePermit[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT * FROM ${permits} WHERE credit_code = $1 ORDER BY applied_at, permit_case_id`,
      [creditCode],
    );
    const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);
    return rows.map((row) => ({
      permitCaseId: row.permit_case_id as string,
      code: row.code as string,
      nameZh: row.name_zh as string,
      authority: row.authority as string,
      route: row.route as string,
      status: row.status as string,
      grantedAt: iso(row.granted_at),
      validUntil: iso(row.valid_until),
      lastValidDay: (row.last_valid_day as string | null) ?? null,
    }));
  }
}
