import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { EnterpriseName } from '@govflow/contracts';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from '../../config/registration-settings';
import { nameProposalOf } from '../domain/establishment-case/enterprise-name';
import type { ExistingName, ExistingNameStatus } from '../domain/names';

/** A name a case asks to hold, in the caller's transaction. */
export interface NameHold {
  caseId: string;
  name: EnterpriseName;
  applicantId: string;
  since: Date;
  /** Held on a declared investment link: outside the one-live-holder index, which the link lets it share. */
  linkedCreditCode?: string;
}

interface NameRow {
  case_id: string;
  trade_name: string;
  industry: string;
  city: string;
  status: ExistingNameStatus;
  status_since: Date;
  credit_code: string | null;
}

const UNIQUE_VIOLATION = '23505';
// The partial unique index over live entries (see registration.migrations.ts): one holder per name space.
export const ONE_LIVE_HOLDER_INDEX = 'registered_names_one_live_holder';

/**
 * The names register (R1.3): one row per case, written in the transaction that records the case's events. The
 * database keeps at most one live entry (reserved or registered) per trade name, industry and registering city.
 */
@Injectable()
export class RegisteredNames {
  constructor(@Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings) {}

  /** The entries that can block this trade name and industry (live, or deregistered/changed), but the case's own. */
  async withTradeName(
    db: Pick<PoolClient, 'query'>,
    tradeName: string,
    industry: string,
    exceptCaseId = '',
  ): Promise<ExistingName[]> {
    const { rows } = await db.query<NameRow>(
      `SELECT case_id, trade_name, industry, city, status, status_since, credit_code
       FROM registration.registered_names
       WHERE upper(trade_name) = upper($1) AND industry = $2 AND case_id <> $3
         AND status IN ('reserved', 'registered', 'deregistered', 'changed')`,
      [tradeName.trim(), industry.trim(), exceptCaseId],
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      tradeName: row.trade_name,
      industry: row.industry,
      city: row.city,
      status: row.status,
      statusSince: row.status_since,
      ...(row.credit_code === null ? {} : { creditCode: row.credit_code }),
    }));
  }

  /** The case licensed with this credit code and its name's status now, or undefined when no license carries it. */
  async licensedAs(
    db: Pick<PoolClient, 'query'>,
    creditCode: string,
  ): Promise<{ caseId: string; status: string; since: Date } | undefined> {
    const { rows } = await db.query<{ case_id: string; status: string; status_since: Date }>(
      'SELECT case_id, status, status_since FROM registration.registered_names WHERE credit_code = $1',
      [creditCode],
    );
    const [row] = rows;
    return row && { caseId: row.case_id, status: row.status, since: row.status_since };
  }

  /**
   * Holds the name for the case: a new reservation, or the case's reservation moved to a new name in one statement,
   * so the old name is released only when the new one is held. False when another live holder has the name.
   */
  async hold(db: PoolClient, hold: NameHold): Promise<boolean> {
    const { tradeName, industry } = nameProposalOf(hold.name);
    await db.query('SAVEPOINT hold_name');
    try {
      await db.query(
        `INSERT INTO registration.registered_names
           (case_id, trade_name, industry, city, applicant_id, status, status_since, linked_credit_code)
         VALUES ($1, $2, $3, $4, $5, 'reserved', $6, $7)
         ON CONFLICT (case_id) DO UPDATE SET trade_name = $2, industry = $3, city = $4, status = 'reserved',
           status_since = $6, linked_credit_code = $7
         WHERE registration.registered_names.status IN ('reserved', 'lapsed', 'released')`,
        [hold.caseId, tradeName, industry, this.city, hold.applicantId, hold.since, hold.linkedCreditCode ?? null],
      );
      await db.query('RELEASE SAVEPOINT hold_name');
      return true;
    } catch (error) {
      if (!isLiveHolderConflict(error)) throw error;
      await db.query('ROLLBACK TO SAVEPOINT hold_name');
      return false;
    }
  }

  /** Reservations past their period no longer hold their name; marking them lets the index take a new holder. */
  async lapse(db: PoolClient, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await db.query(
      `UPDATE registration.registered_names SET status = 'lapsed' WHERE case_id = ANY($1) AND status = 'reserved'`,
      [caseIds],
    );
  }

  /** The case's reservation ends (rejected or withdrawn): the name is free again at once. */
  async release(db: PoolClient, caseId: string, at: Date): Promise<void> {
    await db.query(
      `UPDATE registration.registered_names SET status = 'released', status_since = $2
       WHERE case_id = $1 AND status = 'reserved'`,
      [caseId, at],
    );
  }

  /** The licensed name, with its credit code; false when another live holder took it meanwhile. */
  async register(db: PoolClient, caseId: string, name: EnterpriseName, creditCode: string, at: Date) {
    const { tradeName, industry } = nameProposalOf(name);
    await db.query('SAVEPOINT register_name');
    try {
      await db.query(
        `UPDATE registration.registered_names SET trade_name = $2, industry = $3, status = 'registered',
           status_since = $4, credit_code = $5
         WHERE case_id = $1 AND status <> 'registered'`,
        [caseId, tradeName, industry, at, creditCode],
      );
      await db.query('RELEASE SAVEPOINT register_name');
      return true;
    } catch (error) {
      if (!isLiveHolderConflict(error)) throw error;
      await db.query('ROLLBACK TO SAVEPOINT register_name');
      return false;
    }
  }

  private get city(): string {
    return this.settings.registeringCity;
  }
}

function isLiveHolderConflict(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && constraint === ONE_LIVE_HOLDER_INDEX;
}
