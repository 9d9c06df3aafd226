import { Inject, Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { PG_POOL } from '@govflow/platform';

type Db = Pick<PoolClient, 'query'>;

export interface KnownEnterprise {
  creditCode: string;
  enterpriseName: string;
  registrantId: string;
  licensedAt: Date;
  deregisteredAt?: Date;
}

export interface LicensedEnterprise {
  creditCode: string;
  enterpriseName: string;
  registrantId: string;
  caseId: string;
  licensedAt: Date;
}

/** Why an applicant cannot be served: the science commission serves registered, live enterprises only. */
export type ApplicantRefusal =
  { code: 'enterprise-not-registered'; message: string } | { code: 'enterprise-deregistered'; message: string };

/** The science commission's own copy of what registration published about enterprises. */
@Injectable()
export class Enterprises {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Once per credit code: a redelivered or repeated LicenseIssued keeps the first. */
  async recordLicensed(db: Db, enterprise: LicensedEnterprise): Promise<void> {
    await db.query(
      `INSERT INTO science.enterprises (credit_code, enterprise_name, registrant_id, license_case_id, licensed_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (credit_code) DO NOTHING`,
      [
        enterprise.creditCode,
        enterprise.enterpriseName,
        enterprise.registrantId,
        enterprise.caseId,
        enterprise.licensedAt,
      ],
    );
  }

  /** Keeps the first deregistration; a code never licensed here is recorded nowhere (nothing to serve). */
  async recordDeregistered(db: Db, creditCode: string, caseId: string, at: Date): Promise<void> {
    await db.query(
      `UPDATE science.enterprises SET deregistered_at = $2, deregistration_case_id = $3
       WHERE credit_code = $1 AND deregistered_at IS NULL`,
      [creditCode, at, caseId],
    );
  }

  async find(creditCode: string, db: Db = this.pool): Promise<KnownEnterprise | undefined> {
    const { rows } = await db.query<{
      credit_code: string;
      enterprise_name: string;
      registrant_id: string;
      licensed_at: Date;
      deregistered_at: Date | null;
    }>(
      `SELECT credit_code, enterprise_name, registrant_id, licensed_at, deregistered_at
       FROM science.enterprises WHERE credit_code = $1`,
      [creditCode],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      creditCode: row.credit_code,
      enterpriseName: row.enterprise_name,
      registrantId: row.registrant_id,
      licensedAt: row.licensed_at,
      ...(row.deregistered_at ? { deregisteredAt: row.deregistered_at } : {}),
    };
  }

  /** The enterprise when it may apply, else why not (in the words the applicant reads). */
  async liveApplicant(creditCode: string): Promise<KnownEnterprise | ApplicantRefusal> {
    const enterprise = await this.find(creditCode);
    if (!enterprise) {
      return { code: 'enterprise-not-registered', message: `统一社会信用代码 ${creditCode} 未在登记机关登记` };
    }
    if (enterprise.deregisteredAt) {
      return { code: 'enterprise-deregistered', message: `${enterprise.enterpriseName} 已注销登记，不能申请` };
    }
    return enterprise;
  }
}
