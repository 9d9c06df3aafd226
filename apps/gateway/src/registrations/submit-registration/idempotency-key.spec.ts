import { RequestValidationFailed } from '../../http/api-error';
import { idempotencyKeyPipe, requestFingerprint } from './idempotency-key';

describe(requestFingerprint.name, () => {
  it('ignores the order of keys and undefined fields, not the values', () => {
    const a = requestFingerprint({ name: { x: 1, y: [1, 2] }, premises: undefined });
    expect(requestFingerprint({ name: { y: [1, 2], x: 1 } })).toBe(a);
    expect(requestFingerprint({ name: { x: 1, y: [2, 1] } })).not.toBe(a);
  });
});

describe('idempotencyKeyPipe', () => {
  it('accepts a missing header and a UUID', () => {
    expect(idempotencyKeyPipe.transform(undefined)).toBeUndefined();
    expect(idempotencyKeyPipe.transform('5b0b6a8e-2f8e-4a61-9a3c-6f2f0d7b9c11')).toBe(
      '5b0b6a8e-2f8e-4a61-9a3c-6f2f0d7b9c11',
    );
  });

  it.each(['', 'has space', 'x'.repeat(201), '键'])('refuses %p, naming the header', (key) => {
    expect(() => idempotencyKeyPipe.transform(key)).toThrow(RequestValidationFailed);
    try {
      idempotencyKeyPipe.transform(key);
    } catch (error) {
      expect((error as RequestValidationFailed).errors).toEqual([
        { field: 'Idempotency-Key', message: expect.stringMatching(/visible ASCII/) },
      ]);
    }
  });
});
