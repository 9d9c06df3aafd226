import { AggregateRoot, EventPublisher, type IEvent } from '@nestjs/cqrs';
import type { EventMetadata } from '@govflow/messaging';
import { EventStore } from '../store/event-store';
import type { NewEvent, StoredEvent } from '../store/event-types';
import { latestSnapshot, saveSnapshot } from '../snapshots/snapshot-store';
import { afterCommit, queryableFor } from '../transactions/unit-of-work';
import type { AggregateDefinition, EventClass, PointInTime } from './aggregate-definition';

interface Tracked {
  streamId: string;
  version: number;
}

const LATEST = 2 ** 31 - 1;

/**
 * Loads `AggregateRoot`s by replaying their stream (from the newest snapshot on) and saves their uncommitted
 * events with the version they were loaded at. `commit()` (publishing to the EventBus when a publisher is
 * given) runs only once the transaction holding the append has committed.
 */
export class AggregateRepository<A extends AggregateRoot> {
  private readonly tracked = new WeakMap<A, Tracked>();
  private readonly classes: Map<string, EventClass>;

  constructor(
    private readonly store: EventStore,
    private readonly definition: AggregateDefinition<A>,
    private readonly publisher?: EventPublisher,
  ) {
    this.classes = new Map(definition.events.map((eventClass) => [eventClass.name, eventClass]));
  }

  /** A new aggregate whose stream must not exist yet when it is saved. */
  create(id: string): A {
    const aggregate = this.withPublisher(this.definition.create(id));
    this.tracked.set(aggregate, { streamId: this.definition.streamId(id), version: 0 });
    return aggregate;
  }

  async load(id: string): Promise<A | undefined> {
    const replayed = await this.replay(id, LATEST);
    if (!replayed) return undefined;
    const aggregate = this.withPublisher(replayed.aggregate);
    this.tracked.set(aggregate, { streamId: this.definition.streamId(id), version: replayed.version });
    return aggregate;
  }

  /** The aggregate as it was at a point in its history; read-only (save() refuses it). */
  async loadAt(id: string, point: PointInTime): Promise<A | undefined> {
    const version =
      'version' in point ? point.version : await this.store.versionAt(this.definition.streamId(id), point.time);
    if (version <= 0) return undefined;
    return (await this.replay(id, version))?.aggregate;
  }

  /** Appends the uncommitted events; `occurredAt` defaults to now (pass the command's `now`). */
  async save(aggregate: A, metadata: EventMetadata, occurredAt = new Date()): Promise<void> {
    const tracked = this.tracked.get(aggregate);
    if (!tracked) throw new Error('save() takes an aggregate from create() or load() of this repository');
    const uncommitted = aggregate.getUncommittedEvents();
    if (uncommitted.length === 0) return;
    const events = uncommitted.map((event) => this.toNewEvent(event, metadata, occurredAt));
    await this.store.transaction(async () => {
      const expected = tracked.version === 0 ? 'no_stream' : tracked.version;
      const { nextExpectedVersion } = await this.store.append(tracked.streamId, expected, events);
      await this.snapshotIfDue(aggregate, tracked, nextExpectedVersion);
      afterCommit(this.store.pool, () => {
        tracked.version = nextExpectedVersion;
        aggregate.commit();
      });
    });
  }

  private async replay(id: string, toVersion: number): Promise<{ aggregate: A; version: number } | undefined> {
    const streamId = this.definition.streamId(id);
    const policy = this.definition.snapshots;
    const snapshot = policy
      ? await latestSnapshot(queryableFor(this.store.pool), streamId, policy.schemaVersion, toVersion)
      : undefined;
    const history = await this.store.readStream(streamId, { afterVersion: snapshot?.version ?? 0, toVersion });
    if (!snapshot && history.length === 0) return undefined;
    const aggregate = this.definition.create(id);
    if (snapshot) policy?.restore(aggregate, snapshot.state);
    aggregate.loadFromHistory(history.map((event) => this.toDomainEvent(event)));
    return { aggregate, version: history.at(-1)?.version ?? snapshot?.version ?? 0 };
  }

  private async snapshotIfDue(aggregate: A, tracked: Tracked, newVersion: number): Promise<void> {
    const policy = this.definition.snapshots;
    if (!policy || Math.floor(newVersion / policy.every) === Math.floor(tracked.version / policy.every)) return;
    const state = policy.take(aggregate);
    await saveSnapshot(queryableFor(this.store.pool), tracked.streamId, policy.schemaVersion, {
      version: newVersion,
      state,
    });
  }

  private toNewEvent(event: IEvent, metadata: EventMetadata, occurredAt: Date): NewEvent {
    const eventClass = this.classes.get(event.constructor.name);
    if (!eventClass || eventClass.prototype !== Object.getPrototypeOf(event)) {
      throw new Error(`${event.constructor.name} is not among the events of this aggregate definition`);
    }
    return {
      type: eventClass.name,
      schemaVersion: eventClass.schemaVersion ?? 1,
      data: { ...event },
      metadata,
      occurredAt,
    };
  }

  private toDomainEvent(stored: StoredEvent): IEvent {
    const eventClass = this.classes.get(stored.type);
    if (!eventClass) throw new Error(`No event class registered for stored type ${stored.type}`);
    // Rebuilt without running the constructor: the stored data is the event, constructors may validate or compute.
    return Object.assign(Object.create(eventClass.prototype as object) as IEvent, stored.data);
  }

  private withPublisher(aggregate: A): A {
    return this.publisher ? this.publisher.mergeObjectContext(aggregate) : aggregate;
  }
}
