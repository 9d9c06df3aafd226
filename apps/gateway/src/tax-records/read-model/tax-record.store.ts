import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@govflow/platform';
import { TaxRecordProjection } from './tax-record.projection';

const table = new TaxRecordProjection().table;

type Detail = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : null);

export interface TaxExemptionView {
  caseId: string;
  kind: string | null;
  level: string | null;
  /** ISO date (Beijing): the first day exempt. */
  startsOn: string | null;
  /** ISO date (Beijing): the first day no longer exempt; null while it runs. */
  endsOn: string | null;
  endedBecause: string | null;
}

export interface TaxRecordReadView {
  creditCode: string;
  enterpriseName: string | null;
  status: 'open' | 'closed';
  openedAt: string | null;
  closedAt: string | null;
  exemptions: TaxExemptionView[];
}

/** Reads the tax record read model (a projection of tax.events). */
@Injectable()
export class TaxRecordReadModel {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The taxpayer's record, or undefined when tax has published nothing about it; exemptions by first day. */
  async of(creditCode: string): Promise<TaxRecordReadView | undefined> {
    const { rows } = await this.pool.query<{ kind: string; detail: Detail }>(
      `SELECT kind, detail FROM ${table} WHERE credit_code = $1 ORDER BY entry_id`,
      [creditCode],
    );
    if (rows.length === 0) return undefined;
    const record = rows.find((row) => row.kind === 'record')?.detail ?? {};
    const exemptions = rows
      .filter((row) => row.kind === 'exemption')
      .map(({ detail }) => ({
        caseId: String(detail.caseId),
        kind: str(detail.kind),
        level: str(detail.level),
        startsOn: str(detail.startsOn),
        endsOn: str(detail.endsOn),
        endedBecause: str(detail.endedBecause),
      }))
      .sort((a, b) => (a.startsOn ?? '').localeCompare(b.startsOn ?? ''));
    return {
      creditCode,
      enterpriseName: str(record.enterpriseName),
      status: record.closedAt ? 'closed' : 'open',
      openedAt: str(record.openedAt),
      closedAt: str(record.closedAt),
      exemptions,
    };
  }
}
