import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@govflow/platform';
import { AUDIT_TRAIL_TABLE } from './audit-trail.projection';

export interface AuditedEvent {
  eventId: string;
  type: string;
  service: string;
  occurredAt: string;
  actor: { id: string; role: string; department: string | null };
  reason: string | null;
  streamId: string;
  version: number;
  causationId: string | null;
}

/** An audited event with its data; `data` is null for events recorded before the trail kept it. */
export interface AuditedEventWithData extends AuditedEvent {
  data: Record<string, unknown> | null;
}

interface Row {
  event_id: string;
  type: string;
  service: string;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  actor_department: string | null;
  reason: string | null;
  stream_id: string;
  version: number;
  causation_id: string | null;
  data: Record<string, unknown> | null;
}

const auditedEvent = (row: Row): AuditedEvent => ({
  eventId: row.event_id,
  type: row.type,
  service: row.service,
  occurredAt: row.occurred_at.toISOString(),
  actor: { id: row.actor_id, role: row.actor_role, department: row.actor_department },
  reason: row.reason,
  streamId: row.stream_id,
  version: row.version,
  causationId: row.causation_id,
});

/** An event of a case as it reached the gateway: `seq` orders arrivals across every topic. */
export interface ArrivedEvent {
  seq: string;
  type: string;
  service: string;
  occurredAt: string;
}

/** Reads the audit index (see AuditTrailProjection). */
@Injectable()
export class AuditTrailStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * A case's events across services, by occurredAt; events at the same instant by topic, then by stream version
   * (then global position and event id, so the order is total and repeatable).
   */
  async eventsOfCase(caseId: string): Promise<AuditedEvent[]> {
    return (await this.rowsOfCase(caseId)).map(auditedEvent);
  }

  /** The same, each with its data (unmasked: whoever answers with it masks personal data). */
  async eventsWithDataOfCase(caseId: string): Promise<AuditedEventWithData[]> {
    return (await this.rowsOfCase(caseId)).map((row) => ({ ...auditedEvent(row), data: row.data }));
  }

  private async rowsOfCase(caseId: string): Promise<Row[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM ${AUDIT_TRAIL_TABLE} WHERE case_id = $1
       ORDER BY occurred_at, topic, version, position, event_id`,
      [caseId],
    );
    return rows;
  }

  /** The case's events that arrived after `afterSeq`, in order of arrival. */
  async arrivedAfter(caseId: string, afterSeq: string): Promise<ArrivedEvent[]> {
    const { rows } = await this.pool.query<{ position: string; type: string; service: string; occurred_at: Date }>(
      `SELECT seq::text AS position, type, service, occurred_at FROM ${AUDIT_TRAIL_TABLE}
       WHERE case_id = $1 AND seq > $2::bigint ORDER BY ${AUDIT_TRAIL_TABLE}.seq LIMIT 500`,
      [caseId, afterSeq],
    );
    return rows.map((row) => ({
      seq: row.position,
      type: row.type,
      service: row.service,
      occurredAt: row.occurred_at.toISOString(),
    }));
  }

  /** The cases whose license carries this credit code. */
  async casesWithCreditCode(creditCode: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ case_id: string }>(
      `SELECT DISTINCT case_id FROM ${AUDIT_TRAIL_TABLE} WHERE credit_code = $1`,
      [creditCode],
    );
    return rows.map((row) => row.case_id);
  }
}
