import type { PoolClient } from 'pg';
import { Topic } from '@govflow/contracts';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';

/** The service whose topic carried an event; task events keep the name of their topic. */
export const serviceOfTopic: Readonly<Record<AuditedTopic, string>> = {
  [Topic.RegistrationEvents]: 'registration',
  [Topic.TaxEvents]: 'tax',
  [Topic.ScienceCommissionEvents]: 'science-commission',
  [Topic.TaskEvents]: 'tasks',
  [Topic.PermitEvents]: 'permits',
};
export type AuditedTopic = Exclude<Topic, Topic.DeadLetter | Topic.AuditCheckpoints>;
export const AUDITED_TOPICS = Object.keys(serviceOfTopic) as AuditedTopic[];

export const AUDIT_TRAIL_TABLE = 'audit_events';

/**
 * Every event of every service, indexed by case (metadata.correlationId). One instance per topic, since the topic is
 * part of the row and a consumer's handler sees only the event; all write one table, keyed by event id.
 */
export class AuditTrailProjection implements Projection {
  readonly name: string;
  readonly table = AUDIT_TRAIL_TABLE;

  constructor(private readonly topic: AuditedTopic) {
    this.name = `gateway-audit-trail.${topic}`;
  }

  async createTable(db: PoolClient, table: string): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
      event_id text PRIMARY KEY,
      case_id text NOT NULL,
      topic text NOT NULL,
      service text NOT NULL,
      type text NOT NULL,
      stream_id text NOT NULL,
      version integer NOT NULL,
      position numeric NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      actor_department text,
      reason text)`);
    // The gateway's own order of arrival across topics: the id of the portal's live updates (SSE Last-Event-ID).
    await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS seq bigserial`);
    await db.query(`CREATE INDEX IF NOT EXISTS ${table}_case_seq_idx ON ${table} (case_id, seq)`);
    // What caused the event (a command or another event), and the credit code a license carries, for the search.
    await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS causation_id text`);
    await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS credit_code text`);
    await db.query(`CREATE INDEX IF NOT EXISTS ${table}_credit_code_idx ON ${table} (credit_code)`);
    // Each event's data, for the time machine's rebuild of a case; events recorded before it keep null.
    await db.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS data jsonb`);
    await db.query(
      `CREATE INDEX IF NOT EXISTS ${table}_case_idx ON ${table} (case_id, occurred_at, topic, version, position)`,
    );
  }

  async apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const { actor, reason, correlationId, causationId } = event.metadata;
      await db.query(
        `INSERT INTO ${table} (event_id, case_id, topic, service, type, stream_id, version, position, occurred_at,
           actor_id, actor_role, actor_department, reason, causation_id, credit_code, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (event_id) DO UPDATE SET data = COALESCE(${table}.data, EXCLUDED.data)`,
        [
          event.eventId,
          correlationId,
          this.topic,
          serviceOfTopic[this.topic],
          event.type,
          event.streamId,
          event.version,
          event.position.toString(),
          event.occurredAt,
          actor.id,
          actor.role,
          actor.department ?? null,
          reason ?? null,
          causationId,
          creditCodeOf(event),
          JSON.stringify(event.data ?? null),
        ],
      );
    }
  }
}

/** The credit code a LicenseIssued event carries, so an administrator can find the case by it. */
function creditCodeOf(event: RecordedEvent): string | null {
  if (event.type !== 'LicenseIssued') return null;
  const code = (event.data as { creditCode?: unknown } | null)?.creditCode;
  return typeof code === 'string' ? code : null;
}
