import type { EventData, EventMetadata, RecordedEvent } from '@govflow/messaging';

/** `no_stream`: the stream must not exist yet; `any`: no check; a number: the stream's current version. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface NewEvent<TData extends EventData = EventData> {
  type: string;
  data: TData;
  metadata: EventMetadata;
  /** Defaults to 1; bump it when the data's shape changes and register an upcaster from the old one. */
  schemaVersion?: number;
  /** A UUID; generated when absent. */
  eventId?: string;
  /** Defaults to now; pass the command's `now` for deterministic domain code. */
  occurredAt?: Date;
}

export interface StoredEvent<TData extends EventData = EventData> extends RecordedEvent<TData> {
  previousHash: string | null;
  hash: string;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  events: StoredEvent[];
}
