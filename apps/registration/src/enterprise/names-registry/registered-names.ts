import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import type { EnterpriseName } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from '../../config/registration-settings';
import { nameProposalOf } from '../domain/establishment-case/enterprise-name';
import type { ExistingName, ExistingNameStatus } from '../domain/names';

export interface NameEntry {
  caseId: string;
  name: EnterpriseName;
  applicantId: string;
  status: ExistingNameStatus;
  since: Date;
}

interface NameRow {
  trade_name: string;
  industry: string;
  city: string;
  status: ExistingNameStatus;
  status_since: Date;
}

/** The names register the name check reads (R1.3): one row per case, written with the case's own events. */
@Injectable()
export class RegisteredNames {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  /** In the caller's transaction, so the register never disagrees with the events. A registered name stays so. */
  async record(db: PoolClient, entry: NameEntry): Promise<void> {
    const { tradeName, industry } = nameProposalOf(entry.name);
    await db.query(
      `INSERT INTO registration.registered_names
         (case_id, trade_name, industry, city, applicant_id, status, status_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_id) DO UPDATE SET trade_name = $2, industry = $3, city = $4, applicant_id = $5,
         status = $6, status_since = $7
       WHERE registration.registered_names.status <> 'registered' OR $6 <> 'reserved'`,
      [entry.caseId, tradeName, industry, this.settings.registeringCity, entry.applicantId, entry.status, entry.since],
    );
  }

  /**
   * The names with this trade name and industry, for the duplicate rule. An applicant's own reservations are left
   * out: a reservation is held for its applicant, who may check (or file again) under the name they reserved.
   */
  async withTradeName(tradeName: string, industry: string, applicantId: string): Promise<ExistingName[]> {
    const { rows } = await this.pool.query<NameRow>(
      `SELECT trade_name, industry, city, status, status_since FROM registration.registered_names
       WHERE upper(trade_name) = upper($1) AND industry = $2 AND NOT (status = 'reserved' AND applicant_id = $3)`,
      [tradeName.trim(), industry.trim(), applicantId],
    );
    return rows.map((row) => ({
      tradeName: row.trade_name,
      industry: row.industry,
      city: row.city,
      status: row.status,
      statusSince: row.status_since,
    }));
  }
}
