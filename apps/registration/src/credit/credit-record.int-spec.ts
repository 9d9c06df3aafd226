import type { Actor } from '@govflow/contracts';
import { uniqueId } from '../../../../test/support/servers';
import { type RegistrationTestApp, startRegistrationTestApp } from '../activities/registration-activities.fixtures';
import { creditStreamId } from './credit-record';

const inspector: Actor = { id: 'inspector1', role: 'inspector', department: 'market-regulation' };

describe('credit record activities', () => {
  let sut: RegistrationTestApp;

  beforeAll(async () => {
    sut = await startRegistrationTestApp('credit_record');
  });
  afterAll(() => sut?.close());

  it('starts empty, records a false commitment once, and shows it to the 告知承诺 route', async () => {
    const creditCode = uniqueId('91110108');
    expect(await sut.activities.readCreditRecord({ creditCode })).toEqual({ creditCode, marks: [] });
    const input = {
      idempotencyKey: 'permit-1:credit',
      creditCode,
      kind: 'false-commitment' as const,
      reason: '食品经营许可告知承诺不实（permit-1）',
      by: inspector,
      at: '2026-12-10T02:00:00.000Z',
      caseId: 'permit-1',
    };
    await sut.run('permit-1', sut.activities.markCredit, input);
    await sut.run('permit-1', sut.activities.markCredit, input); // a retry
    const { marks } = await sut.activities.readCreditRecord({ creditCode });
    expect(marks).toEqual([
      {
        markId: 'permit-1:credit',
        kind: 'false-commitment',
        reason: input.reason,
        by: inspector,
        at: input.at,
        caseId: 'permit-1',
      },
    ]);
    const events = await sut.store.readStream(creditStreamId(creditCode));
    expect(events.map((e) => e.type)).toEqual(['CreditMarked']);
    expect(events[0]?.metadata).toMatchObject({
      actor: inspector,
      correlationId: 'permit-1',
      causationId: 'permit-1:credit',
    });
  });
});
