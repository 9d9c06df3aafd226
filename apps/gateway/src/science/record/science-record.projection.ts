import type { PoolClient } from 'pg';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';

/** One entry of an enterprise's science record: which row an event patches, and with what. */
export interface ScienceRecordPatch {
  entryId: string;
  kind: 'maker-space' | 'grant' | 'clawback' | 'referral';
  creditCode?: string;
  detail: Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * What each fact of science-commission.events adds to the record. Every fact only adds its own fields (the time it
 * happened among them), and the status is derived from them when read, so the order facts arrive in never matters.
 */
export function scienceRecordPatchOf({
  type,
  data,
  occurredAt,
  metadata,
}: Pick<RecordedEvent, 'type' | 'data' | 'occurredAt' | 'metadata'>): ScienceRecordPatch | undefined {
  const caseId = text(data.caseId);
  if (!caseId) return undefined;
  const at = occurredAt.toISOString();
  const creditCode = text(data.creditCode);
  const maker = (detail: Record<string, unknown>): ScienceRecordPatch => ({
    entryId: `maker-space:${caseId}`,
    kind: 'maker-space',
    ...(creditCode && { creditCode }),
    detail,
  });
  const grant = (detail: Record<string, unknown>): ScienceRecordPatch => ({
    entryId: `grant:${caseId}`,
    kind: 'grant',
    ...(creditCode && { creditCode }),
    detail,
  });
  const clawbackId = text(data.clawbackId);
  switch (type) {
    case 'MakerSpaceApplied':
      return maker({ level: data.level, appliedAt: at });
    case 'MakerSpaceRecognized':
      return maker({ level: data.level, recognisedAt: at, exemptionStartsOn: data.exemptionStartsOn });
    case 'MakerSpaceRecognitionRefused':
      return maker({ refusedAt: at, refusalReason: metadata.reason ?? '' });
    case 'GrantApplied':
      return grant({
        programmeCode: data.programmeCode,
        amountFen: data.amountFen,
        appliedAt: at,
        ...(data.recognitionCaseId !== undefined && { recognitionCaseId: data.recognitionCaseId }),
      });
    case 'GrantRejected':
      return grant({ rejectedAt: at });
    case 'GrantWithdrawn':
      return grant({ withdrawnAt: at });
    case 'GrantPaid':
      return grant({ paidAt: at, paidFen: data.amountFen });
    case 'GrantPublished':
      return grant({ publishedAt: text(data.publishedAt) ?? at });
    case 'GrantClawbackOpened':
      if (!clawbackId) return undefined;
      return {
        entryId: `clawback:${clawbackId}`,
        kind: 'clawback',
        detail: {
          clawbackId,
          ground: data.ground,
          rateBasisPoints: data.rateBasisPoints,
          grantFen: data.grantFen,
          fineFen: data.fineFen,
          dueFen: data.dueFen,
          reason: metadata.reason ?? '',
          openedAt: at,
        },
      };
    case 'GrantClawbackConfirmed':
      if (!clawbackId) return undefined;
      return {
        entryId: `clawback:${clawbackId}`,
        kind: 'clawback',
        detail: data.confirmed === true ? { recoveredAt: at } : { notConfirmedAt: at },
      };
    case 'CaseReferred':
      if (!clawbackId) return undefined;
      return {
        entryId: `referral:${clawbackId}`,
        kind: 'referral',
        ...(creditCode && { creditCode }),
        detail: { clawbackId, ground: data.ground, dueFen: data.dueFen, reason: metadata.reason ?? '', referredAt: at },
      };
    default:
      return undefined;
  }
}

export interface ScienceRecordRow {
  entry_id: string;
  kind: string;
  case_id: string;
  credit_code: string | null;
  first_at: string;
  detail: Record<string, unknown>;
}

/** A row of science_record after a patch, as the projection's upsert leaves it. */
export function scienceRecordRowAfter(
  row: ScienceRecordRow | undefined,
  patch: ScienceRecordPatch,
  event: Pick<RecordedEvent, 'data' | 'occurredAt'>,
): ScienceRecordRow {
  const at = event.occurredAt.toISOString();
  return {
    entry_id: patch.entryId,
    kind: row?.kind ?? patch.kind,
    case_id: row?.case_id ?? String(event.data.caseId),
    credit_code: row?.credit_code ?? patch.creditCode ?? null,
    first_at: row && row.first_at < at ? row.first_at : at,
    detail: { ...row?.detail, ...patch.detail },
  };
}

/**
 * The science commission's record of each enterprise (科技计划项目信用记录), from science-commission.events: maker-space
 * recognitions, grants, clawbacks and referrals. Clawbacks are facts of the grant's stream and carry no credit code:
 * they are found through their grant (case_id).
 */
export class ScienceRecordProjection implements Projection {
  readonly name = 'gateway-science-record';
  readonly table = 'science_record';

  async createTable(db: PoolClient, table: string): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
      entry_id text PRIMARY KEY,
      kind text NOT NULL,
      case_id text NOT NULL,
      credit_code text,
      first_at timestamptz NOT NULL,
      detail jsonb NOT NULL)`);
    await db.query(`CREATE INDEX IF NOT EXISTS ${table}_credit_code_idx ON ${table} (credit_code)`);
    await db.query(`CREATE INDEX IF NOT EXISTS ${table}_case_id_idx ON ${table} (case_id)`);
  }

  async apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const patch = scienceRecordPatchOf(event);
      if (!patch) continue;
      await db.query(
        `INSERT INTO ${table} AS t (entry_id, kind, case_id, credit_code, first_at, detail)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (entry_id) DO UPDATE SET
           credit_code = COALESCE(t.credit_code, EXCLUDED.credit_code),
           first_at = LEAST(t.first_at, EXCLUDED.first_at),
           detail = t.detail || EXCLUDED.detail`,
        [
          patch.entryId,
          patch.kind,
          event.data.caseId,
          patch.creditCode ?? null,
          event.occurredAt,
          JSON.stringify(patch.detail),
        ],
      );
    }
  }
}
