import { createHash } from 'node:crypto';

// A fixed namespace of this system's task events, so the same record id always names the same event (RFC 4122 v5).
const TASK_EVENTS_NAMESPACE = '45344fe3-b57e-4c3e-b707-4f7de97e29b5';

/** A name-based (version 5, SHA-1) UUID: the same namespace and name give the same UUID, everywhere, every time. */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`Namespace ${namespace} is not a UUID`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The event store's id (a UUID) for a task event record `<taskId>#<sequence>`: a retry stores the same id. */
export const taskEventId = (recordEventId: string): string => uuidV5(recordEventId, TASK_EVENTS_NAMESPACE);

/** The one place that names a task's stream. */
export const taskStreamId = (taskId: string): string => `task-${taskId}`;
