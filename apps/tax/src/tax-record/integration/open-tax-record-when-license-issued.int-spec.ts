import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import { type LicenseIssuedV1, Topic } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { createEventProducer, createKafka, type RecordedEvent, toKafkaMessage } from '@govflow/messaging';
import { HealthRegistry } from '@govflow/platform';
import { eventually } from '../../../../../test/support/event-fixtures';
import { startGroupAtEnd, tailTopic, type Tail } from '../../../../../test/support/kafka-tail';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { createTestNamespace } from '../../../../../test/support/temporal-namespace';
import { loadTaxConfig } from '../../config/env.schema';
import { TaxModule } from '../../tax.module';
import { OpenTaxRecordWhenLicenseIssuedHandler } from './open-tax-record-when-license-issued.handler';

jest.setTimeout(60000);

describe(OpenTaxRecordWhenLicenseIssuedHandler.name, () => {
  const kafka = createKafka(uniqueId('tax-test'), servers.kafkaBrokers);
  const caseId = uniqueId('case');
  const groupId = uniqueId('tax');
  const creditCode = '91340600MA2PBM9HXD';
  let database: TestDatabase;
  let app: INestApplicationContext;
  let producer: Producer;
  let tail: Tail;

  const license: LicenseIssuedV1 = {
    caseId,
    creditCode,
    enterpriseName: '北京星河科技有限公司',
    entityType: 'limited-company',
    registeringDivision: '340600',
    domicile: '北京市海淀区中关村大街1号',
    businessScope: ['技术开发'],
    legalRepresentativeName: '张伟',
    registeredCapital: { amount: '1000000.00', currency: 'CNY' },
    registrantId: 'applicant-zhang',
    issuedAt: '2025-03-02T08:00:00.000Z',
  };
  const licenseIssued = (version: number): RecordedEvent => ({
    eventId: randomUUID(),
    type: 'LicenseIssued',
    schemaVersion: 1,
    streamId: `registration-case-${caseId}`,
    version,
    position: BigInt(version),
    occurredAt: new Date(license.issuedAt),
    data: { ...license },
    metadata: {
      actor: { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' },
      correlationId: caseId,
      causationId: `${caseId}:issue-license`,
    },
  });
  const publish = (event: RecordedEvent) =>
    producer.send({ topic: Topic.RegistrationEvents, messages: [toKafkaMessage(event)] });
  const inboxHolds = async (eventId: string) =>
    (await database.pool.query('SELECT 1 FROM event_store.inbox WHERE message_id = $1', [eventId])).rowCount === 1;
  const relayCaughtUp = async () => {
    const { rows } = await database.pool.query<{ done: boolean }>(
      `SELECT (SELECT position FROM event_store.relay_checkpoints) >= (SELECT max(position) FROM event_store.events)
         AS done`,
    );
    return rows[0]?.done === true;
  };

  beforeAll(async () => {
    database = await createTestDatabase('tax_inbox', 4);
    // Tax reads both topics: from their ends, or a long-lived Kafka's history of science events delays the test's own.
    await startGroupAtEnd(kafka, groupId, Topic.RegistrationEvents);
    await startGroupAtEnd(kafka, groupId, Topic.ScienceCommissionEvents);
    tail = await tailTopic(kafka, Topic.TaxEvents, (event) => event.metadata.correlationId === caseId);
    const config = loadTaxConfig({
      DATABASE_URL: database.url,
      TAX_CONSUMER_GROUP: groupId,
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      // The app runs a worker on queue `tax`: never in a namespace where the running system's tax app polls.
      TEMPORAL_NAMESPACE: await createTestNamespace('tax-inbox'),
    });
    const moduleRef = await Test.createTestingModule({ imports: [TaxModule.register(config)] }).compile();
    app = await moduleRef.init();
    producer = createEventProducer(kafka);
    await producer.connect();
    const health = app.get(HealthRegistry);
    await eventually('the consumer and the relay to run', async () => {
      const { checks } = await health.run();
      return checks.inbox?.status === 'up' && checks.outbox?.status === 'up';
    });
  });
  afterAll(async () => {
    await Promise.allSettled([producer?.disconnect(), tail?.stop()]);
    await app?.close();
    await database?.drop();
  });

  it('publishes one TaxRecordOpened however often the license reaches it', async () => {
    const first = licenseIssued(2);
    const repeated = licenseIssued(3); // a second LicenseIssued for the same code: a no-op too
    await publish(first);
    await publish(first);
    await publish(repeated);

    await eventually(
      'both events through the inbox',
      async () => (await inboxHolds(first.eventId)) && inboxHolds(repeated.eventId),
    );
    await eventually('the relay to publish the tax record', relayCaughtUp);
    await eventually('TaxRecordOpened on tax.events', () => Promise.resolve(tail.events.length > 0));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // room for a duplicate to show up, if there were one

    expect(tail.events).toHaveLength(1);
    expect(tail.events[0]).toMatchObject({
      type: 'TaxRecordOpened',
      streamId: `tax-record-${creditCode}`,
      data: { caseId, taxpayerId: creditCode, enterpriseName: license.enterpriseName, openedAt: expect.any(String) },
      metadata: {
        actor: { id: 'tax-service', role: 'system', department: 'tax' },
        correlationId: caseId,
        causationId: first.eventId,
      },
    });
    const stream = await app.get(EventStore).readStream(`tax-record-${creditCode}`);
    expect(stream.map((event) => event.eventId)).toEqual([tail.events[0]?.eventId]);
  });
});
