import type { PoolClient } from 'pg';
import type { Projection } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';

export interface CaseSummaryRow {
  stream_id: string;
  events: number;
  last_type: string;
  last_version: number;
  total: string;
}

/** Per stream: how many events, the last one, and the sum of `data.amount`; one upsert per batch. */
export class CaseSummaryProjection implements Projection {
  constructor(
    readonly name = 'case-summary',
    readonly table = 'case_summary',
  ) {}

  async createTable(db: PoolClient, table: string): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (
      stream_id text PRIMARY KEY, events int NOT NULL, last_type text NOT NULL,
      last_version int NOT NULL CHECK (last_version > 0), total bigint NOT NULL)`);
    await db.query(`CREATE INDEX IF NOT EXISTS ${table}_last_type_idx ON ${table} (last_type)`);
  }

  async apply(db: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void> {
    const rows = new Map<string, { events: number; lastType: string; lastVersion: number; total: number }>();
    for (const event of events) {
      const row = rows.get(event.streamId) ?? { events: 0, lastType: '', lastVersion: 0, total: 0 };
      rows.set(event.streamId, {
        events: row.events + 1,
        lastType: event.type,
        lastVersion: event.version,
        total: row.total + (typeof event.data.amount === 'number' ? event.data.amount : 0),
      });
    }
    const list = [...rows.entries()];
    await db.query(
      `INSERT INTO ${table} AS t (stream_id, events, last_type, last_version, total)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::bigint[])
       ON CONFLICT (stream_id) DO UPDATE SET events = t.events + EXCLUDED.events, last_type = EXCLUDED.last_type,
         last_version = EXCLUDED.last_version, total = t.total + EXCLUDED.total`,
      [
        list.map(([id]) => id),
        list.map(([, r]) => r.events),
        list.map(([, r]) => r.lastType),
        list.map(([, r]) => r.lastVersion),
        list.map(([, r]) => r.total),
      ],
    );
  }
}
