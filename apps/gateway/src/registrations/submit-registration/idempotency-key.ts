import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FieldValidationPipe } from '../../http/field-validation.pipe';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const idempotencyKey = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters, such as a UUID')
  .optional();

/** The optional Idempotency-Key header; a malformed one is a 400 naming the header. */
export const idempotencyKeyPipe = new FieldValidationPipe(IDEMPOTENCY_KEY_HEADER, idempotencyKey);

// Keys in sorted order, so two bodies that differ only in the order of their keys are the same request.
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** What identifies a request under an Idempotency-Key: its parsed body, so `1000` and `"1000.00"` are one request. */
export const requestFingerprint = (parsedBody: unknown): string =>
  createHash('sha256').update(canonicalJson(parsedBody)).digest('hex');
