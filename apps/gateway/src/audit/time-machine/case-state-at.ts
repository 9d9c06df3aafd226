import type { AuditedEvent } from '../audit-trail/audit-trail.store';
import { aggregateAfter, isTaskEvent, taskAfter, type AggregateState, type TaskState } from './aggregate-state';
import { fieldChanges, type FieldChange } from './field-changes';
import { readModelRowsAfter, type ReadModelRow } from './read-model-rows';

/** An audited event, with its data where the audit trail kept it (null or absent for events recorded before). */
export type TimeMachineEvent = AuditedEvent & { data?: Record<string, unknown> | null };

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
  /** Each aggregate the case touches (not its tasks), rebuilt from its events' data up to `at`. */
  aggregates: AggregateState[];
  tasks: TaskState[];
  /** The rows the gateway's read models would have held at `at`, folded with the projections' own functions. */
  readModels: ReadModelRow[];
  /** Events up to `at` recorded before the audit trail kept event data: what they changed is missing above. */
  eventsWithoutData: number;
}

/** The case across services as of `at`: every stream's events up to it, in the audit trail's order. */
export function caseStateAt(events: readonly TimeMachineEvent[], at: Date, caseId = ''): CaseStateAt {
  const streams = new Map<string, StreamState>();
  const aggregates = new Map<string, AggregateState>();
  const tasks = new Map<string, TaskState>();
  let readModels = new Map<string, ReadModelRow>();
  let eventCount = 0;
  let eventsWithoutData = 0;
  for (const audited of events) {
    if (new Date(audited.occurredAt) > at) continue;
    const event = { ...audited, data: audited.data ?? null };
    eventCount += 1;
    if (!event.data) eventsWithoutData += 1;
    const key = `${event.service}/${event.streamId}`;
    if (isTaskEvent(event)) tasks.set(key, taskAfter(tasks.get(key), event));
    else aggregates.set(key, aggregateAfter(aggregates.get(key), event));
    readModels = readModelRowsAfter(readModels, event, caseId);
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
  return {
    at: at.toISOString(),
    streams: [...streams.values()],
    eventCount,
    aggregates: [...aggregates.values()],
    tasks: [...tasks.values()],
    readModels: [...readModels.values()],
    eventsWithoutData,
  };
}

export interface CaseDiff {
  from: string;
  to: string;
  events: { service: string; streamId: string; version: number; type: string; occurredAt: string }[];
  streams: { service: string; streamId: string; fromVersion: number; toVersion: number }[];
  /** Per aggregate, task and read-model row that differs, its fields before → after. */
  changes: ChangedThing[];
}

export interface ChangedThing {
  scope: 'aggregate' | 'task' | 'read-model';
  /** `service/streamId` of an aggregate or task; `readModel/key` of a row. */
  id: string;
  kind: string;
  fields: FieldChange[];
}

/** A task's fields that a diff compares: what it is and who holds it, not its stream's bookkeeping. */
const taskFields = (task: TaskState): Record<string, unknown> => {
  const { status, candidateGroup, assignee, escalated, escalatedTo, dueAt, legalDueAt, outcome, decidedBy } = task;
  return {
    status,
    candidateGroup,
    assignee,
    escalated,
    escalatedTo,
    dueAt,
    legalDueAt,
    outcome,
    decidedBy,
    decidedAt: task.decidedAt,
    reason: task.reason,
  };
};

function changesOf<T>(
  scope: ChangedThing['scope'],
  before: readonly T[],
  after: readonly T[],
  identify: (thing: T) => { id: string; kind: string; fields: Record<string, unknown> },
): ChangedThing[] {
  const was = new Map(before.map((thing) => [identify(thing).id, identify(thing).fields]));
  return after
    .map(identify)
    .map(({ id, kind, fields }) => ({ scope, id, kind, fields: fieldChanges(was.get(id), fields) }))
    .filter((thing) => thing.fields.length > 0);
}

/** What changed between `from` and `to`: the events in (from, to] and each stream's version before and after. */
export function caseDiff(events: readonly TimeMachineEvent[], from: Date, to: Date, caseId = ''): CaseDiff {
  const before = caseStateAt(events, from, caseId);
  const after = caseStateAt(events, to, caseId);
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
    changes: [
      ...changesOf('aggregate', before.aggregates, after.aggregates, (a) => ({
        id: `${a.service}/${a.streamId}`,
        kind: a.kind,
        fields: { status: a.status, ...a.fields },
      })),
      ...changesOf('task', before.tasks, after.tasks, (t) => ({
        id: `${t.service}/${t.streamId}`,
        kind: t.kind ?? 'task',
        fields: taskFields(t),
      })),
      ...changesOf('read-model', before.readModels, after.readModels, (r) => ({
        id: `${r.readModel}/${r.key}`,
        kind: r.table,
        fields: r.row,
      })),
    ],
  };
}
