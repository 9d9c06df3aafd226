import type { AggregateRoot, IEvent } from '@nestjs/cqrs';
import type { EventData } from '@govflow/messaging';

/**
 * An event class: its name is the stored type; its own enumerable properties are the stored data (JSON).
 * A static `schemaVersion` (default 1) is written with each event.
 */
export type EventClass = (abstract new (...args: never[]) => IEvent) & { schemaVersion?: number };

/** How the aggregate's state is saved every `every` events; bump `schemaVersion` when that shape changes. */
export interface SnapshotPolicy<A extends AggregateRoot> {
  every: number;
  schemaVersion: number;
  take(aggregate: A): EventData;
  restore(aggregate: A, state: EventData): void;
}

export interface AggregateDefinition<A extends AggregateRoot> {
  /** The stream of the aggregate with this id; one helper per aggregate builds it. */
  streamId(id: string): string;
  /** A blank aggregate, before any event. */
  create(id: string): A;
  events: readonly EventClass[];
  snapshots?: SnapshotPolicy<A>;
}

/** Load the aggregate as it was after this version, or after the last event that occurred at or before this time. */
export type PointInTime = { version: number } | { time: Date };
