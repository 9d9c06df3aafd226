import type { AuditedEvent } from '../audit-trail/audit-trail.store';

/** One aggregate (stream) a case touches, as its events up to an instant leave it. */
export interface StreamState {
  service: string;
  streamId: string;
  version: number;
  lastEventType: string;
  lastEventAt: string;
  events: string[];
}

export interface CaseStateAt {
  at: string;
  streams: StreamState[];
  eventCount: number;
}

/** The case across services as of `at`: every stream's events up to it, in the audit trail's order. */
export function caseStateAt(events: readonly AuditedEvent[], at: Date): CaseStateAt {
  const streams = new Map<string, StreamState>();
  let eventCount = 0;
  for (const event of events) {
    if (new Date(event.occurredAt) > at) continue;
    eventCount += 1;
    const key = `${event.service}/${event.streamId}`;
    const state = streams.get(key) ?? {
      service: event.service,
      streamId: event.streamId,
      version: 0,
      lastEventType: '',
      lastEventAt: '',
      events: [],
    };
    streams.set(key, {
      ...state,
      version: Math.max(state.version, event.version),
      lastEventType: event.type,
      lastEventAt: event.occurredAt,
      events: [...state.events, event.type],
    });
  }
  return { at: at.toISOString(), streams: [...streams.values()], eventCount };
}

export interface CaseDiff {
  from: string;
  to: string;
  events: { service: string; streamId: string; version: number; type: string; occurredAt: string }[];
  streams: { service: string; streamId: string; fromVersion: number; toVersion: number }[];
}

/** What changed between `from` and `to`: the events in (from, to] and each stream's version before and after. */
export function caseDiff(events: readonly AuditedEvent[], from: Date, to: Date): CaseDiff {
  const before = caseStateAt(events, from);
  const after = caseStateAt(events, to);
  const versionBefore = new Map(before.streams.map((s) => [`${s.service}/${s.streamId}`, s.version]));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    events: events
      .filter((e) => new Date(e.occurredAt) > from && new Date(e.occurredAt) <= to)
      .map(({ service, streamId, version, type, occurredAt }) => ({ service, streamId, version, type, occurredAt })),
    streams: after.streams
      .map((s) => ({
        service: s.service,
        streamId: s.streamId,
        fromVersion: versionBefore.get(`${s.service}/${s.streamId}`) ?? 0,
        toVersion: s.version,
      }))
      .filter((s) => s.fromVersion !== s.toVersion),
  };
}
