import { randomInt, randomUUID } from 'node:crypto';
import { Topic } from '@govflow/contracts';
import { createKafka } from '@govflow/messaging';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { bootGateway, type BootedGateway, eventually } from '../../testing/booted-gateway';
import { connectProducer, envelope } from '../../testing/published-events';

jest.setTimeout(90_000);

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const newCreditCode = () =>
  `91110112MA${Array.from({ length: 8 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('')}`;

describe('the tax record with its maker-space exemption, fed from the real tax.events topic', () => {
  const kafka = createKafka(uniqueId('gateway-tax-record-test'), servers.kafkaBrokers);
  let gateway: BootedGateway;
  let producer: Awaited<ReturnType<typeof connectProducer>>;
  const creditCode = newCreditCode();
  const [registrationCaseId, makerSpaceCaseId] = [randomUUID(), randomUUID()];
  const t0 = Date.now() - 3_600_000;
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  const taxSystem = { id: 'tax-service', role: 'system', department: 'tax' };
  const tax = (version: number, type: string, data: object, minute: number) =>
    envelope(
      `tax-record-${creditCode}`,
      version,
      type,
      { taxpayerId: creditCode, ...data },
      { correlationId: makerSpaceCaseId, actor: taxSystem },
      at(minute),
    );

  const recordOf = async (code: string, username: string) => {
    const response = await gateway.get(`/api/tax/records/${code}`, username);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    gateway = await bootGateway();
    producer = await connectProducer(kafka);
    await producer.publish(
      Topic.RegistrationEvents,
      envelope(
        `application-${randomUUID()}`,
        2,
        'LicenseIssued',
        {
          caseId: registrationCaseId,
          creditCode,
          enterpriseName: '北京众创空间运营有限公司',
          registrantId: await gateway.idOf('registrant1'),
          issuedAt: at(0).toISOString(),
          businessScope: ['众创空间经营管理'],
        },
        { correlationId: registrationCaseId },
        at(0),
      ),
    );
    const ended = tax(
      3,
      'TaxExemptionEnded',
      {
        caseId: makerSpaceCaseId,
        kind: 'maker-space',
        because: 'recognition-revoked',
        endsOn: '2027-02-01',
        endedAt: at(30).toISOString(),
      },
      30,
    );
    await producer.publish(
      Topic.TaxEvents,
      // The end is delivered before the start it follows, and twice: the record is the same either way.
      ended,
      tax(
        1,
        'TaxRecordOpened',
        {
          caseId: registrationCaseId,
          enterpriseName: '北京众创空间运营有限公司',
          openedAt: at(1).toISOString(),
        },
        1,
      ),
      tax(
        2,
        'TaxExemptionStarted',
        {
          caseId: makerSpaceCaseId,
          kind: 'maker-space',
          level: 'municipal',
          startsOn: '2026-12-01',
          startedAt: at(10).toISOString(),
        },
        10,
      ),
      ended,
    );
    await eventually(
      () => recordOf(creditCode, 'tax-officer1'),
      ({ status, body }) => status === 200 && typeof body.openedAt === 'string',
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await gateway?.close();
  });

  it('shows the exemption’s first day and its first day without, after revocation', async () => {
    expect((await recordOf(creditCode, 'registrant1')).body).toEqual({
      creditCode,
      enterpriseName: '北京众创空间运营有限公司',
      status: 'open',
      openedAt: at(1).toISOString(),
      closedAt: null,
      exemptions: [
        {
          caseId: makerSpaceCaseId,
          kind: 'maker-space',
          level: 'municipal',
          startsOn: '2026-12-01',
          endsOn: '2027-02-01',
          endedBecause: 'recognition-revoked',
        },
      ],
    });
  });

  it('shows the record closed once the taxpayer is deregistered', async () => {
    await producer.publish(
      Topic.TaxEvents,
      tax(4, 'TaxRecordClosed', { caseId: randomUUID(), closedAt: at(40).toISOString() }, 40),
    );
    const { body } = await eventually(
      () => recordOf(creditCode, 'admin'),
      ({ body }) => body.status === 'closed',
    );
    expect(body).toMatchObject({ status: 'closed', closedAt: at(40).toISOString(), openedAt: at(1).toISOString() });
  });

  it('is read by the owner, tax officers and administrators; hidden or refused otherwise', async () => {
    for (const username of ['registrant1', 'tax-officer1', 'admin']) {
      expect([username, (await recordOf(creditCode, username)).status]).toEqual([username, 200]);
    }
    expect((await recordOf(creditCode, 'registrant2')).status).toBe(404);
    for (const username of ['sci-officer1', 'fin-officer1', 'reg-officer1', 'expert1']) {
      expect([username, (await recordOf(creditCode, username)).status]).toEqual([username, 403]);
    }
    expect((await gateway.get(`/api/tax/records/${creditCode}`)).status).toBe(401);
    expect((await recordOf(newCreditCode(), 'tax-officer1')).status).toBe(404);
  });

  it('answers 400 naming creditCode for one that is not a credit code', async () => {
    const { status, body } = await recordOf('not-a-code', 'tax-officer1');
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ field: 'creditCode', message: expect.any(String) }] });
  });
});
