import { EnvelopeHeader, fromKafkaMessage, type RecordedEvent, toKafkaMessage } from './event-envelope';

describe('event envelope', () => {
  const event: RecordedEvent = {
    eventId: '6f1c1a8e-3a4b-4c8e-9a51-1b7f0f8d2c11',
    type: 'LicenseIssued',
    schemaVersion: 2,
    streamId: 'enterprise-1',
    version: 3,
    position: 2n ** 60n + 7n,
    occurredAt: new Date('2025-03-01T08:00:00.000Z'),
    data: { creditCode: '91340600MA2PBM9HXD' },
    metadata: {
      actor: { id: 'o-7', role: 'registration-officer', department: 'market-regulation' },
      reason: 'documents complete',
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      workflow: { workflowId: 'registration-1', runId: 'run-1' },
    },
  };

  it('is keyed by stream id, carries type and correlation id in headers, and round-trips', () => {
    const message = toKafkaMessage(event);

    expect(message.key).toBe('enterprise-1');
    expect(message.headers).toMatchObject({
      [EnvelopeHeader.EventType]: 'LicenseIssued',
      [EnvelopeHeader.CorrelationId]: 'corr-1',
    });
    expect(fromKafkaMessage({ value: Buffer.from(message.value as string) })).toEqual(event);
  });

  it.each([
    ['no value', null],
    ['not JSON', Buffer.from('{')],
    ['no metadata actor', Buffer.from(JSON.stringify({ ...event, position: '1', metadata: { correlationId: 'c' } }))],
  ])('rejects a message with %s', (_, value) => {
    expect(() => fromKafkaMessage({ value })).toThrow();
  });
});
