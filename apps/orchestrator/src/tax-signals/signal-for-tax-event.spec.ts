import type { RecordedEvent } from '@govflow/messaging';
import { signalForTaxEvent } from './signal-for-tax-event';

const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: 'e-1',
  type,
  schemaVersion: 1,
  streamId: 'tax-record-91110108MA00000017',
  version: 1,
  position: 1n,
  occurredAt: new Date('2026-11-21T10:00:00Z'),
  data,
  metadata: { actor: { id: 'tax-service', role: 'system' }, correlationId: 'case-1', causationId: 'e-0' },
});

describe(signalForTaxEvent.name, () => {
  it('addresses TaxRecordOpened to the registration workflow of its case', () => {
    const opened = event('TaxRecordOpened', {
      caseId: 'case-1',
      taxpayerId: '91110108MA00000017',
      enterpriseName: '北京星河科技有限公司',
      openedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(signalForTaxEvent(opened)).toEqual({
      workflowId: 'registration-case-1',
      taxRecord: { taxpayerId: '91110108MA00000017', openedAt: '2026-11-21T10:00:00.000Z' },
    });
  });

  it('ignores other tax events', () => {
    expect(signalForTaxEvent(event('TaxClearanceStarted', { caseId: 'case-1' }))).toBeUndefined();
  });
});
