import type { AuditedEvent } from '../audit-trail/audit-trail.store';
import { caseDiff, caseStateAt } from './case-state-at';

const event = (service: string, streamId: string, version: number, type: string, occurredAt: string): AuditedEvent => ({
  eventId: `${streamId}-${version}`,
  type,
  service,
  occurredAt,
  actor: { id: 'x', role: 'registrant', department: null },
  reason: null,
  streamId,
  version,
  causationId: null,
});

describe(caseStateAt.name, () => {
  const events = [
    event('registration', 'establishment-1', 1, 'ApplicationSubmitted', '2026-11-02T01:00:00.000Z'),
    event('tasks', 'task-1', 1, 'TaskCreated', '2026-11-02T01:00:01.000Z'),
    event('registration', 'establishment-1', 2, 'ApplicationApproved', '2026-11-03T02:00:00.000Z'),
    event('registration', 'establishment-1', 3, 'LicenseIssued', '2026-11-03T02:00:01.000Z'),
    event('tax', 'tax-record-1', 1, 'TaxRecordOpened', '2026-11-03T02:00:05.000Z'),
  ];

  it('rebuilds every stream of the case from its events up to the instant', () => {
    expect(caseStateAt(events, new Date('2026-11-02T12:00:00Z'))).toEqual({
      at: '2026-11-02T12:00:00.000Z',
      eventCount: 2,
      streams: [
        expect.objectContaining({ streamId: 'establishment-1', version: 1, lastEventType: 'ApplicationSubmitted' }),
        expect.objectContaining({ streamId: 'task-1', version: 1, lastEventType: 'TaskCreated' }),
      ],
    });
    expect(caseStateAt(events, new Date('2026-11-01T00:00:00Z')).streams).toEqual([]);
    expect(caseStateAt(events, new Date('2026-11-04T00:00:00Z')).streams).toHaveLength(3);
  });

  it('diffs two instants: the events between and the streams that moved', () => {
    const diff = caseDiff(events, new Date('2026-11-02T12:00:00Z'), new Date('2026-11-03T03:00:00Z'));
    expect(diff.events.map((e) => e.type)).toEqual(['ApplicationApproved', 'LicenseIssued', 'TaxRecordOpened']);
    expect(diff.streams).toEqual([
      { service: 'registration', streamId: 'establishment-1', fromVersion: 1, toVersion: 3 },
      { service: 'tax', streamId: 'tax-record-1', fromVersion: 0, toVersion: 1 },
    ]);
  });
});
