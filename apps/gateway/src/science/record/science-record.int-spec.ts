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

describe('the science record (科技计划项目信用记录), fed from the real science-commission.events topic', () => {
  const kafka = createKafka(uniqueId('gateway-science-record-test'), servers.kafkaBrokers);
  let gateway: BootedGateway;
  let producer: Awaited<ReturnType<typeof connectProducer>>;
  const creditCode = newCreditCode();
  const [makerSpaceCaseId, grantCaseId, otherGrantCaseId, clawbackId] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];
  const t0 = Date.now() - 3_600_000;
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  const sciOfficer = { id: 'sci-1', role: 'science-officer', department: 'science-commission' };
  const science = (
    caseId: string,
    stream: string,
    version: number,
    type: string,
    data: object,
    minute: number,
    reason = '',
  ) =>
    envelope(
      stream,
      version,
      type,
      { caseId, ...data },
      { correlationId: caseId, actor: sciOfficer, reason },
      at(minute),
    );
  const grant = (version: number, type: string, data: object, minute: number, reason = '') =>
    science(grantCaseId, `grant-case-${grantCaseId}`, version, type, data, minute, reason);

  const recordOf = async (code: string, username: string) => {
    const response = await gateway.get(`/api/science/enterprises/${code}/record`, username);
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown[]> & { enterpriseName?: string },
    };
  };

  beforeAll(async () => {
    gateway = await bootGateway();
    producer = await connectProducer(kafka);
    const license = envelope(
      `application-${randomUUID()}`,
      2,
      'LicenseIssued',
      {
        caseId: randomUUID(),
        creditCode,
        enterpriseName: '北京众创空间运营有限公司',
        registrantId: await gateway.idOf('registrant1'),
        issuedAt: at(0).toISOString(),
        businessScope: ['众创空间经营管理'],
      },
      { correlationId: randomUUID() },
      at(0),
    );
    await producer.publish(Topic.RegistrationEvents, license);
    const paid = grant(3, 'GrantPaid', { amountFen: 50_000_000 }, 20, '已拨付');
    const makerSpace = (version: number, type: string, data: object, minute: number) =>
      science(makerSpaceCaseId, `maker-space-case-${makerSpaceCaseId}`, version, type, data, minute);
    await producer.publish(
      Topic.ScienceCommissionEvents,
      makerSpace(
        1,
        'MakerSpaceApplied',
        { creditCode, enterpriseName: '北京众创空间运营有限公司', level: 'national' },
        1,
      ),
      makerSpace(2, 'MakerSpaceRecognized', { creditCode, level: 'national', exemptionStartsOn: '2026-12-01' }, 2),
      grant(1, 'GrantApplied', { programmeCode: 'MS-NATIONAL', creditCode, amountFen: 50_000_000 }, 3),
      paid,
      paid, // delivered twice: applied once
      grant(4, 'GrantPublished', { amountFen: 50_000_000, publishedAt: at(20).toISOString() }, 20),
      // The confirmation is delivered before the opening it follows: the record is the same either way.
      grant(6, 'GrantClawbackConfirmed', { clawbackId, confirmed: true, dueFen: 60_000_000 }, 40, '已确认收回'),
      grant(
        5,
        'GrantClawbackOpened',
        {
          clawbackId,
          ground: 'false-material-or-fraud',
          rateBasisPoints: 2000,
          grantFen: 50_000_000,
          fineFen: 10_000_000,
          dueFen: 60_000_000,
        },
        30,
        '提供虚假材料',
      ),
      grant(
        7,
        'CaseReferred',
        { clawbackId, creditCode, ground: 'false-material-or-fraud', dueFen: 60_000_000 },
        41,
        '提供虚假材料',
      ),
      // Another enterprise's grant stays out of this record.
      science(
        otherGrantCaseId,
        `grant-case-${otherGrantCaseId}`,
        1,
        'GrantApplied',
        { programmeCode: 'MS-NATIONAL', creditCode: newCreditCode(), amountFen: 1 },
        5,
      ),
    );
    await eventually(
      () => recordOf(creditCode, 'sci-officer1'),
      ({ status, body }) => status === 200 && body.referrals?.length === 1 && body.clawbacks?.length === 1,
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await gateway?.close();
  });

  it('holds the recognition, the grant paid and recovered, the clawback (grant + fine) and the referral', async () => {
    const { body } = await recordOf(creditCode, 'registrant1');
    expect(body).toEqual({
      creditCode,
      enterpriseName: '北京众创空间运营有限公司',
      title: '科技计划项目信用记录',
      makerSpaces: [
        {
          caseId: makerSpaceCaseId,
          level: 'national',
          status: 'recognised',
          appliedAt: at(1).toISOString(),
          recognisedAt: at(2).toISOString(),
          exemptionStartsOn: '2026-12-01',
          refusedAt: null,
        },
      ],
      grants: [
        {
          caseId: grantCaseId,
          programmeCode: 'MS-NATIONAL',
          status: 'recovered',
          amount: '500000.00',
          appliedAt: at(3).toISOString(),
          paidAmount: '500000.00',
          paidAt: at(20).toISOString(),
          publishedAt: at(20).toISOString(),
          recoveredAt: at(40).toISOString(),
          publicationWithdrawnAt: at(40).toISOString(),
        },
      ],
      clawbacks: [
        {
          clawbackId,
          grantCaseId,
          programmeCode: 'MS-NATIONAL',
          ground: 'false-material-or-fraud',
          rate: '20',
          grantAmount: '500000.00',
          fine: '100000.00',
          amountDue: '600000.00',
          reason: '提供虚假材料',
          status: 'confirmed',
          openedAt: at(30).toISOString(),
          recoveredAt: at(40).toISOString(),
        },
      ],
      referrals: [
        {
          clawbackId,
          grantCaseId,
          ground: 'false-material-or-fraud',
          amountDue: '600000.00',
          reason: '提供虚假材料',
          referredAt: at(41).toISOString(),
        },
      ],
    });
  });

  it('is read by the owner, the science commission, finance and administrators; hidden or refused otherwise', async () => {
    for (const username of ['registrant1', 'sci-officer1', 'fin-officer1', 'admin']) {
      expect([username, (await recordOf(creditCode, username)).status]).toEqual([username, 200]);
    }
    expect((await recordOf(creditCode, 'registrant2')).status).toBe(404);
    for (const username of ['tax-officer1', 'reg-officer1', 'expert1']) {
      expect([username, (await recordOf(creditCode, username)).status]).toEqual([username, 403]);
    }
    expect((await gateway.get(`/api/science/enterprises/${creditCode}/record`)).status).toBe(401);
    expect((await recordOf(newCreditCode(), 'sci-officer1')).status).toBe(404);
  });

  it('answers 400 naming creditCode for one that is not a credit code', async () => {
    const { status, body } = await recordOf('not-a-code', 'sci-officer1');
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ field: 'creditCode', message: expect.any(String) }] });
  });
});
