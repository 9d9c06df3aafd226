import { createHash } from 'node:crypto';

// This service's namespace for events whose id derives from a workflow's idempotency key (RFC 4122 v5).
const SCIENCE_EVENTS_NAMESPACE = '8f0c7d3e-4d52-4f4b-9a57-5a3f1c2b6e91';

/** The same key always gives the same event id, so a retried activity finds its event already stored. */
export function stableEventId(key: string): string {
  const namespace = Buffer.from(SCIENCE_EVENTS_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(key, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The one place that names the streams of this service. */
export const grantStreamId = (caseId: string): string => `grant-case-${caseId}`;
export const makerSpaceStreamId = (caseId: string): string => `maker-space-case-${caseId}`;
export const voucherStreamId = (voucherId: string): string => `voucher-${voucherId}`;
export const taskStreamId = (taskId: string): string => `task-${taskId}`;
