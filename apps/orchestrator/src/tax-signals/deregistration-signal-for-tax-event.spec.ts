import type { RecordedEvent } from '@govflow/messaging';
import { deregistrationSignalForTaxEvent } from './deregistration-signal-for-tax-event';

const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: 'e-9',
  type,
  schemaVersion: 1,
  streamId: 'tax-record-91110108MA00000017',
  version: 3,
  position: 9n,
  occurredAt: new Date('2026-03-23T00:00:01Z'),
  data,
  metadata: { actor: { id: 'tax-service', role: 'system' }, correlationId: 'dereg-1', causationId: 'e-8' },
});

describe(deregistrationSignalForTaxEvent.name, () => {
  it("addresses tax's objection, with its reason, to the deregistration workflow of its case", () => {
    const objected = event('TaxObjectionRaised', {
      taxpayerId: '91110108MA00000017',
      caseId: 'dereg-1',
      reason: '纳税人尚有未办结涉税事项：欠缴增值税',
      pendingMatters: [],
      raisedAt: '2026-03-23T00:00:01.000Z',
    });
    expect(deregistrationSignalForTaxEvent(objected)).toEqual({
      workflowId: 'deregistration-dereg-1',
      answer: {
        verdict: 'objection',
        reason: '纳税人尚有未办结涉税事项：欠缴增值税',
        eventId: 'e-9',
        at: '2026-03-23T00:00:01.000Z',
      },
    });
  });

  it('addresses no objection the same way', () => {
    const cleared = event('TaxNoObjectionRaised', {
      caseId: 'dereg-1',
      because: 'cleared',
      raisedAt: '2026-03-10T02:00:00.000Z',
    });
    expect(deregistrationSignalForTaxEvent(cleared)?.answer).toEqual({
      verdict: 'no-objection',
      eventId: 'e-9',
      at: '2026-03-10T02:00:00.000Z',
    });
  });

  it('ignores other tax events', () => {
    expect(deregistrationSignalForTaxEvent(event('TaxRecordOpened', { caseId: 'case-1' }))).toBeUndefined();
    expect(
      deregistrationSignalForTaxEvent(event('DeregistrationNoticeReceived', { caseId: 'dereg-1' })),
    ).toBeUndefined();
  });
});
