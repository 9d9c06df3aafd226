import type { PoolClient } from 'pg';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';

/** Which row of a taxpayer's record an event patches, and with what. */
export interface TaxRecordPatch {
  creditCode: string;
  entryId: string;
  kind: 'record' | 'exemption';
  detail: Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * What each fact of tax.events adds to the record. Every fact only adds its own fields, and the status is derived
 * from them when read, so the order facts arrive in never matters.
 */
export function taxRecordPatchOf(
  event: Pick<RecordedEvent, 'type' | 'data' | 'occurredAt'>,
): TaxRecordPatch | undefined {
  const creditCode = text(event.data.taxpayerId);
  const patch = creditCode ? patchOf(event) : undefined;
  return creditCode && patch ? { creditCode, ...patch } : undefined;
}

/** A row of tax_record after a patch: the detail gains the patch's fields (jsonb ||). */
export const taxRecordRowAfter = (
  row: { detail: Record<string, unknown> } | undefined,
  patch: TaxRecordPatch,
): TaxRecordRow => ({
  credit_code: patch.creditCode,
  entry_id: patch.entryId,
  kind: patch.kind,
  detail: { ...row?.detail, ...patch.detail },
});

export interface TaxRecordRow {
  credit_code: string;
  entry_id: string;
  kind: string;
  detail: Record<string, unknown>;
}

function patchOf({
  type,
  data,
  occurredAt,
}: Pick<RecordedEvent, 'type' | 'data' | 'occurredAt'>): Omit<TaxRecordPatch, 'creditCode'> | undefined {
  const at = text(data.openedAt) ?? occurredAt.toISOString();
  const caseId = text(data.caseId);
  switch (type) {
    case 'TaxRecordOpened':
      return { entryId: 'record', kind: 'record', detail: { enterpriseName: data.enterpriseName, openedAt: at } };
    case 'TaxRecordClosed':
      return { entryId: 'record', kind: 'record', detail: { closedAt: text(data.closedAt) ?? at } };
    case 'TaxExemptionStarted':
      if (!caseId) return undefined;
      return {
        entryId: `exemption:${caseId}`,
        kind: 'exemption',
        detail: { caseId, kind: data.kind, level: data.level, startsOn: data.startsOn },
      };
    case 'TaxExemptionEnded':
      if (!caseId) return undefined;
      return {
        entryId: `exemption:${caseId}`,
        kind: 'exemption',
        detail: { caseId, kind: data.kind, endsOn: data.endsOn, endedBecause: data.because },
      };
    default:
      return undefined;
  }
}

/**
 * Each taxpayer's tax record as the gateway shows it (R4.1, R4.4), from tax.events: when it was opened and closed,
 * and the maker-space exemptions with their first day and, once ended, their first day without.
 */
export class TaxRecordProjection implements Projection {
  readonly name = 'gateway-tax-record';
  readonly table = 'tax_record';

  async createTable(db: PoolClient, table: string): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
      credit_code text NOT NULL,
      entry_id text NOT NULL,
      kind text NOT NULL,
      detail jsonb NOT NULL,
      PRIMARY KEY (credit_code, entry_id))`);
  }

  async apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const patch = taxRecordPatchOf(event);
      if (!patch) continue;
      await db.query(
        `INSERT INTO ${table} AS t (credit_code, entry_id, kind, detail) VALUES ($1, $2, $3, $4)
         ON CONFLICT (credit_code, entry_id) DO UPDATE SET detail = t.detail || EXCLUDED.detail`,
        [patch.creditCode, patch.entryId, patch.kind, JSON.stringify(patch.detail)],
      );
    }
  }
}
