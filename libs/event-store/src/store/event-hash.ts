import { createHash } from 'node:crypto';
import type { EventData, EventMetadata } from '@govflow/messaging';

/** Everything a hash covers: the event, its metadata and the hash of the event before it in its stream. */
export interface HashedContent {
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: EventData;
  metadata: EventMetadata;
  occurredAt: Date;
  previousHash: string | null;
}

// The events of one command share a metadata object: encode it once.
const encodedMetadata = new WeakMap<EventMetadata, string>();

/**
 * sha256 (hex) over the canonical JSON of the content (other properties of `content` are ignored). Written out
 * key by key, in sorted order, so it equals canonicalJson of those fields without sorting them each time.
 */
export function hashEvent(content: HashedContent): string {
  let metadata = encodedMetadata.get(content.metadata);
  if (metadata === undefined) {
    metadata = canonicalJson(content.metadata);
    encodedMetadata.set(content.metadata, metadata);
  }
  const canonical =
    `{"data":${canonicalJson(content.data)},"eventId":${JSON.stringify(content.eventId)},` +
    `"metadata":${metadata},"occurredAt":${JSON.stringify(content.occurredAt.toISOString())},` +
    `"previousHash":${JSON.stringify(content.previousHash)},"schemaVersion":${JSON.stringify(content.schemaVersion)},` +
    `"streamId":${JSON.stringify(content.streamId)},"type":${JSON.stringify(content.type)},` +
    `"version":${JSON.stringify(content.version)}}`;
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every depth, so equal values always encode to equal bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i] ?? null);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    if (object[key] === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(object[key])}`;
  }
  return `${out}}`;
}

/** What JSON storage will give back (no undefined, Dates as strings), so the hash survives a round trip. */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
