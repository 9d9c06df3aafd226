import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import { type MakerSpaceRecognitionRevokedV1, type MakerSpaceRecognizedV1, Topic } from '@govflow/contracts';
import { createEventProducer, createKafka, type RecordedEvent, toKafkaMessage } from '@govflow/messaging';
import { HealthRegistry } from '@govflow/platform';
import { eventually } from '../../../../../test/support/event-fixtures';
import { startGroupAtEnd, tailTopic, type Tail } from '../../../../../test/support/kafka-tail';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { createTestNamespace } from '../../../../../test/support/temporal-namespace';
import { loadTaxConfig } from '../../config/env.schema';
import { TaxModule } from '../../tax.module';
import { TaxRecords } from '../tax-records';
import { StartExemptionWhenMakerSpaceRecognizedHandler } from './start-exemption-when-maker-space-recognized.handler';

jest.setTimeout(60000);

describe(StartExemptionWhenMakerSpaceRecognizedHandler.name, () => {
  const kafka = createKafka(uniqueId('tax-exemption-test'), servers.kafkaBrokers);
  const licenseCaseId = uniqueId('case');
  const recognitionCaseId = uniqueId('maker-space');
  const groupId = uniqueId('tax');
  const creditCode = '91110112MA01EXMP1X';
  let database: TestDatabase;
  let app: INestApplicationContext;
  let producer: Producer;
  let tail: Tail;

  const envelope = (type: string, streamId: string, correlationId: string, data: object): RecordedEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    version: 1,
    position: 1n,
    occurredAt: new Date(),
    data: { ...data },
    metadata: {
      actor: { id: 'sci-officer1', role: 'science-officer', department: 'science-commission' },
      correlationId,
      causationId: `${correlationId}:cause`,
    },
  });

  beforeAll(async () => {
    database = await createTestDatabase('tax_exemption', 4);
    await startGroupAtEnd(kafka, groupId, Topic.RegistrationEvents);
    await startGroupAtEnd(kafka, groupId, Topic.ScienceCommissionEvents);
    tail = await tailTopic(kafka, Topic.TaxEvents, (event) => event.metadata.correlationId === recognitionCaseId);
    const config = loadTaxConfig({
      DATABASE_URL: database.url,
      TAX_CONSUMER_GROUP: groupId,
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: await createTestNamespace('tax-exemption'),
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

  it('starts the exemption from the first day of the next month when the science commission recognises the space', async () => {
    const license = { caseId: licenseCaseId, creditCode, enterpriseName: '北京通州创客空间有限公司' };
    await producer.send({
      topic: Topic.RegistrationEvents,
      messages: [
        toKafkaMessage(envelope('LicenseIssued', `registration-case-${licenseCaseId}`, licenseCaseId, license)),
      ],
    });
    const recognized: MakerSpaceRecognizedV1 = {
      caseId: recognitionCaseId,
      creditCode,
      enterpriseName: license.enterpriseName,
      level: 'national',
      recognisedAt: '2026-11-29T02:00:00.000Z',
      exemptionStartsOn: '2026-12-01',
      criteriaVersion: 'maker-space-2017',
    };
    const event = envelope(
      'MakerSpaceRecognized',
      `maker-space-case-${recognitionCaseId}`,
      recognitionCaseId,
      recognized,
    );
    await producer.send({ topic: Topic.ScienceCommissionEvents, messages: [toKafkaMessage(event)] });
    await producer.send({ topic: Topic.ScienceCommissionEvents, messages: [toKafkaMessage(event)] }); // redelivered

    await eventually('TaxExemptionStarted on tax.events', () => Promise.resolve(tail.events.length > 0));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // room for a duplicate to show up, if there were one

    expect(tail.events).toHaveLength(1);
    expect(tail.events[0]).toMatchObject({
      type: 'TaxExemptionStarted',
      streamId: `tax-record-${creditCode}`,
      data: { taxpayerId: creditCode, caseId: recognitionCaseId, level: 'national', startsOn: '2026-12-01' },
      metadata: { actor: { id: 'tax-service' }, correlationId: recognitionCaseId, causationId: event.eventId },
    });
  });

  it('ends the exemption from the first day of the next month when the recognition is revoked; the record shows both', async () => {
    const revoked: MakerSpaceRecognitionRevokedV1 = {
      caseId: recognitionCaseId,
      creditCode,
      enterpriseName: '北京通州创客空间有限公司',
      year: 2027,
      consecutiveFails: 2,
      revokedAt: '2028-02-20T02:00:00.000Z',
      exemptionEndsOn: '2028-03-01',
    };
    const event = envelope(
      'MakerSpaceRecognitionRevoked',
      `maker-space-case-${recognitionCaseId}`,
      recognitionCaseId,
      revoked,
    );
    await producer.send({ topic: Topic.ScienceCommissionEvents, messages: [toKafkaMessage(event)] });
    await producer.send({ topic: Topic.ScienceCommissionEvents, messages: [toKafkaMessage(event)] }); // redelivered

    await eventually('TaxExemptionEnded on tax.events', () =>
      Promise.resolve(tail.events.some((e) => e.type === 'TaxExemptionEnded')),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const endings = tail.events.filter((e) => e.type === 'TaxExemptionEnded');
    expect(endings).toHaveLength(1);
    expect(endings[0]).toMatchObject({
      data: { taxpayerId: creditCode, caseId: recognitionCaseId, because: 'recognition-revoked', endsOn: '2028-03-01' },
      metadata: { actor: { id: 'tax-service' }, correlationId: recognitionCaseId, causationId: event.eventId },
    });
    const view = (await app.get(TaxRecords).load(creditCode)).view();
    expect(view.exemptions).toEqual([
      {
        caseId: recognitionCaseId,
        kind: 'maker-space',
        level: 'national',
        startsOn: '2026-12-01',
        endsOn: '2028-03-01',
        endedBecause: 'recognition-revoked',
      },
    ]);
  });
});
