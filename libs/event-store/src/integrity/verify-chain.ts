import { Pool } from 'pg';
import { hashEvent } from '../store/event-hash';
import { eventColumns, toStoredEvent, type EventRow } from '../store/read-events';
import type { StoredEvent } from '../store/event-types';

export type IntegrityProblem = 'altered-event' | 'broken-link' | 'missing-event';

export type IntegrityReport =
  | { intact: true; eventsChecked: number }
  | {
      intact: false;
      eventsChecked: number;
      streamId: string;
      version: number;
      position: bigint;
      problem: IntegrityProblem;
    };

const BATCH = 5000;

// Keyset pages in (stream_id, version) order, straight from the unique index.
const pageSql = `
  SELECT ${eventColumns} FROM event_store.events
  WHERE ($1::text IS NULL OR stream_id = $1) AND (stream_id, version) > ($2, $3)
  ORDER BY stream_id, version LIMIT ${BATCH}`;

export function verifyStream(pool: Pool, streamId: string): Promise<IntegrityReport> {
  return verify(pool, streamId);
}

export function verifyAllStreams(pool: Pool): Promise<IntegrityReport> {
  return verify(pool, null);
}

/** Stored data is checked as stored: upcasting is for readers, the hash covers what was written. */
async function verify(pool: Pool, onlyStream: string | null): Promise<IntegrityReport> {
  let checked = 0;
  let first: Extract<IntegrityReport, { intact: false }> | undefined;
  let previous: StoredEvent | undefined;
  let brokenStream: string | undefined;
  for (let cursor: [string, number] = [onlyStream ?? '', 0]; ;) {
    const { rows } = await pool.query<EventRow>(pageSql, [onlyStream, ...cursor]);
    for (const event of rows.map(toStoredEvent)) {
      checked += 1;
      if (previous?.streamId !== event.streamId) previous = undefined;
      const problem = event.streamId === brokenStream ? undefined : problemWith(event, previous);
      if (problem) {
        brokenStream = event.streamId;
        if (!first || event.position < first.position) first = { intact: false, ...locate(event), problem };
      }
      previous = event;
    }
    const last = rows[rows.length - 1];
    if (!last) break;
    cursor = [last.stream_id, last.version];
  }
  return first ? { ...first, eventsChecked: checked } : { intact: true, eventsChecked: checked };
}

function problemWith(event: StoredEvent, previous: StoredEvent | undefined): IntegrityProblem | undefined {
  if (event.version !== (previous?.version ?? 0) + 1) return 'missing-event';
  if (event.previousHash !== (previous?.hash ?? null)) return 'broken-link';
  if (hashEvent(event) !== event.hash) return 'altered-event';
  return undefined;
}

const locate = (event: StoredEvent) => ({
  eventsChecked: 0,
  streamId: event.streamId,
  version: event.version,
  position: event.position,
});
