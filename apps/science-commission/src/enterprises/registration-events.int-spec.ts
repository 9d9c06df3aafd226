import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import { type EnterpriseDeregisteredV1, type LicenseIssuedV1, Topic } from '@govflow/contracts';
import { createEventProducer, createKafka, type RecordedEvent, toKafkaMessage } from '@govflow/messaging';
import { EventStore } from '@govflow/event-store';
import { HealthRegistry } from '@govflow/platform';
import { eventually } from '../../../../test/support/event-fixtures';
import { startGroupAtEnd } from '../../../../test/support/kafka-tail';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { createTestNamespace } from '../../../../test/support/temporal-namespace';
import { makerSpaceStreamId } from '../activities/stable-event-id';
import { MakerSpaces } from '../assessments/maker-spaces';
import { loadScienceCommissionConfig } from '../config/env.schema';
import { ScienceCommissionModule } from '../science-commission.module';
import { Enterprises } from './enterprises';

jest.setTimeout(60000);

describe('science commission learns enterprises from registration.events', () => {
  const kafka = createKafka(uniqueId('science-test'), servers.kafkaBrokers);
  const caseId = uniqueId('case');
  const groupId = uniqueId('science');
  const creditCode = '91110112MA01XYKW3Q';
  let database: TestDatabase;
  let app: INestApplicationContext;
  let producer: Producer;

  const license: LicenseIssuedV1 = {
    caseId,
    creditCode,
    enterpriseName: '北京通州创客空间有限公司',
    entityType: 'limited-company',
    registeringDivision: '110112',
    domicile: '北京市通州区运河东大街1号',
    businessScope: ['技术开发'],
    legalRepresentativeName: '王芳',
    registeredCapital: { amount: '1000000.00', currency: 'CNY' },
    registrantId: 'registrant1',
    issuedAt: '2025-03-02T08:00:00.000Z',
  };
  const envelope = (type: string, data: object, version: number): RecordedEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `registration-case-${caseId}`,
    version,
    position: BigInt(version),
    occurredAt: new Date(),
    data: { ...data },
    metadata: {
      actor: { id: 'reg-officer1', role: 'registration-officer', department: 'market-regulation' },
      correlationId: caseId,
      causationId: `${caseId}:${type}`,
    },
  });
  const publish = (event: RecordedEvent) =>
    producer.send({ topic: Topic.RegistrationEvents, messages: [toKafkaMessage(event)] });
  const inboxHolds = async (eventId: string) =>
    (await database.pool.query('SELECT 1 FROM event_store.inbox WHERE message_id = $1', [eventId])).rowCount === 1;

  beforeAll(async () => {
    database = await createTestDatabase('science_inbox', 4);
    await startGroupAtEnd(kafka, groupId, Topic.RegistrationEvents);
    const config = loadScienceCommissionConfig({
      DATABASE_URL: database.url,
      SCIENCE_CONSUMER_GROUP: groupId,
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      // The app runs a worker on queue `science-commission`: never where the running system's app polls.
      TEMPORAL_NAMESPACE: await createTestNamespace('science-inbox'),
    });
    const moduleRef = await Test.createTestingModule({ imports: [ScienceCommissionModule.register(config)] }).compile();
    app = await moduleRef.init();
    producer = createEventProducer(kafka);
    await producer.connect();
    const health = app.get(HealthRegistry);
    await eventually('the consumer to run', async () => (await health.run()).checks.inbox?.status === 'up');
  });
  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await database?.drop();
  });

  it('knows an unknown code as not registered, a licensed one as live, a deregistered one as refused (its maker-space recognition ended)', async () => {
    const enterprises = app.get(Enterprises);
    expect(await enterprises.liveApplicant(creditCode)).toMatchObject({ code: 'enterprise-not-registered' });

    const issued = envelope('LicenseIssued', license, 5);
    await publish(issued);
    await publish(issued); // redelivered: the inbox drops it
    await publish(envelope('LicenseIssued', { ...license, enterpriseName: '另一个名字' }, 6)); // a repeat keeps the first
    await eventually('the license through the inbox', () => inboxHolds(issued.eventId));
    await eventually('the repeat through the inbox', async () => {
      const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM event_store.inbox');
      return (rows[0] as { n: number }).n === 2;
    });
    expect(await enterprises.liveApplicant(creditCode)).toMatchObject({
      creditCode,
      enterpriseName: license.enterpriseName,
      registrantId: 'registrant1',
    });

    const makerSpaces = app.get(MakerSpaces);
    const makerSpace = { caseId: uniqueId('maker-space'), creditCode, enterpriseName: license.enterpriseName };
    const recognised = { ...makerSpace, ownerId: 'registrant1', level: 'municipal' as const };
    await makerSpaces.recordRecognised(database.pool, recognised, new Date('2025-06-01T00:00:00Z'));

    const deregistered: EnterpriseDeregisteredV1 = {
      caseId: uniqueId('dereg'),
      creditCode,
      enterpriseName: license.enterpriseName,
      decidedBy: { id: 'reg-officer1', role: 'registration-officer', department: 'market-regulation' },
      reason: '简易注销',
      deregisteredAt: '2026-11-02T08:00:00.000Z',
    };
    const ended = envelope('EnterpriseDeregistered', deregistered, 7);
    await publish(ended);
    await eventually('the deregistration through the inbox', () => inboxHolds(ended.eventId));

    expect(await enterprises.liveApplicant(creditCode)).toEqual({
      code: 'enterprise-deregistered',
      message: `${license.enterpriseName} 已注销登记，不能申请`,
    });
    const stream = await app.get(EventStore).readStream(makerSpaceStreamId(makerSpace.caseId));
    expect(stream).toMatchObject([
      {
        type: 'MakerSpaceRecognitionEnded',
        data: {
          caseId: makerSpace.caseId,
          creditCode,
          because: 'enterprise-deregistered',
          deregistrationCaseId: deregistered.caseId,
          exemptionEndsOn: '2026-12-01',
        },
        metadata: { correlationId: makerSpace.caseId, causationId: ended.eventId },
      },
    ]);
    expect(await makerSpaces.recognised(new Date('2027-01-15T00:00:00Z'))).toEqual([]);
  });
});
