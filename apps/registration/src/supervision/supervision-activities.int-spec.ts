import { uniqueId } from '../../../../test/support/servers';
import {
  application,
  approval,
  failureOf,
  officer,
  type RegistrationTestApp,
  startRegistrationTestApp,
  submission,
  uniqueTradeName,
} from '../activities/registration-activities.fixtures';

jest.setTimeout(60000);

describe('supervision activities against PostgreSQL', () => {
  let sut: RegistrationTestApp;
  let creditCode: string;

  const decision = (fields: { kind?: string; action?: string; reason?: string; idempotencyKey?: string } = {}) =>
    ({
      idempotencyKey: uniqueId('supervision'),
      creditCode,
      kind: 'abnormal-operations',
      action: 'open',
      reason: '未按时报送年度报告',
      by: officer,
      at: '2026-03-02T08:00:00.000Z',
      ...fields,
    }) as Parameters<RegistrationTestApp['activities']['recordSupervision']>[0];
  const record = (input: ReturnType<typeof decision>) =>
    sut.run(input.idempotencyKey, sut.activities.recordSupervision, input);

  beforeAll(async () => {
    sut = await startRegistrationTestApp('reg_supervision');
    const caseId = uniqueId('case');
    const app = application(uniqueTradeName());
    await sut.run(caseId, sut.activities.submitApplication, submission(caseId, app));
    ({ creditCode } = await sut.run(caseId, sut.activities.issueLicense, approval(caseId, app)));
  });
  afterAll(() => sut.close());

  it('records a decision once however often it runs, with the officer, reason and credit code as correlation', async () => {
    const input = decision();
    await Promise.all([1, 2, 3].map(() => record(input)));

    const events = await sut.store.readStream(`supervision-${creditCode}`);
    expect(events.map((e) => e.type)).toEqual(['SupervisionMatterOpened']);
    expect(events[0]).toMatchObject({
      data: { creditCode, recordId: input.idempotencyKey, kind: 'abnormal-operations', openedBy: officer },
      metadata: {
        actor: officer,
        reason: '未按时报送年度报告',
        correlationId: creditCode,
        causationId: input.idempotencyKey,
      },
      occurredAt: new Date(input.at),
    });
  });

  it('answers the record, open matters first, and refuses a second open and a close of what is not open', async () => {
    const read = await sut.run('read', sut.activities.readSupervision, { creditCode });
    expect(read).toMatchObject({ creditCode, open: ['abnormal-operations'], entries: [{ action: 'open' }] });
    expect(read.enterprise).toEqual({
      enterpriseName: expect.any(String),
      status: 'registered',
      since: expect.any(String),
    });

    const reopened = await failureOf(record(decision()));
    expect(reopened).toMatchObject({ type: 'SupervisionMatterAlreadyOpen', nonRetryable: true });
    const closedUnopened = await failureOf(record(decision({ kind: 'frozen-assets', action: 'close' })));
    expect(closedUnopened).toMatchObject({ type: 'SupervisionMatterNotOpen', nonRetryable: true });

    const closed = await record(decision({ action: 'close', reason: '已补报年度报告' }));
    expect(closed.open).toEqual([]);
    expect(closed.entries.map((e) => e.action)).toEqual(['open', 'close']);
  });

  it('refuses an unknown credit code, reading or recording, without writing anything', async () => {
    const unknown = '91110108MA0000000X';
    expect(await failureOf(sut.run('read', sut.activities.readSupervision, { creditCode: unknown }))).toMatchObject({
      type: 'EnterpriseNotFound',
      nonRetryable: true,
    });
    expect(await failureOf(record({ ...decision(), creditCode: unknown }))).toMatchObject({
      type: 'EnterpriseNotFound',
    });
    expect(await sut.store.readStream(`supervision-${unknown}`)).toEqual([]);
  });
});
