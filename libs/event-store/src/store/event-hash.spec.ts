import { createHash } from 'node:crypto';
import { canonicalJson, hashEvent, type HashedContent, toJsonValue } from './event-hash';

describe(hashEvent.name, () => {
  const content: HashedContent = {
    eventId: '6f1c1a8e-3a4b-4c8e-9a51-1b7f0f8d2c11',
    streamId: 'enterprise-1',
    version: 2,
    type: 'LicenseIssued',
    schemaVersion: 1,
    data: { creditCode: '91340600MA2PBM9HXD', scope: ['software', 'consulting'] },
    metadata: { actor: { id: 'o-7', role: 'registration-officer' }, correlationId: 'c', causationId: 'd' },
    occurredAt: new Date('2025-03-01T08:00:00.000Z'),
    previousHash: 'ab'.repeat(32),
  };

  it('is the sha256 of the canonical JSON of exactly the hashed fields', () => {
    const canonical = canonicalJson({ ...content, occurredAt: content.occurredAt.toISOString() });
    expect(hashEvent(content)).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(hashEvent({ ...content, previousHash: null, data: {} })).toBe(
      createHash('sha256')
        .update(
          canonicalJson({ ...content, previousHash: null, data: {}, occurredAt: content.occurredAt.toISOString() }),
        )
        .digest('hex'),
    );
  });

  it('does not depend on key order or on properties outside the hashed content', () => {
    const reordered = { ...content, data: { scope: ['software', 'consulting'], creditCode: '91340600MA2PBM9HXD' } };
    expect(hashEvent({ ...reordered, position: 5n, hash: 'x' } as HashedContent)).toBe(hashEvent(content));
  });

  it.each([
    ['data', { data: { creditCode: '91340600MA2PBM9HXE', scope: ['software', 'consulting'] } }],
    ['metadata', { metadata: { ...content.metadata, reason: 'added later' } }],
    ['previous hash', { previousHash: null }],
    ['version', { version: 3 }],
    ['occurred-at', { occurredAt: new Date('2025-03-01T08:00:00.001Z') }],
    ['event id', { eventId: '00000000-0000-4000-8000-000000000000' }],
  ])('changes when the %s changes', (_, change) => {
    expect(hashEvent({ ...content, ...change })).not.toBe(hashEvent(content));
  });
});

describe(canonicalJson.name, () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"f":1}]},"b":1}',
    );
  });
});

describe(toJsonValue.name, () => {
  it('gives what a JSON column gives back', () => {
    expect(toJsonValue({ at: new Date('2025-01-01T00:00:00Z'), gone: undefined, n: 1 })).toEqual({
      at: '2025-01-01T00:00:00.000Z',
      n: 1,
    });
  });
});
