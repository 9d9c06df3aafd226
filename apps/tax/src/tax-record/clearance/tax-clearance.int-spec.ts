import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { Producer } from 'kafkajs';
import { type DeregistrationAnnouncementStartedV1, type TaxActivities, Topic } from '@govflow/contracts';
import { createEventProducer, createKafka, type RecordedEvent, toKafkaMessage } from '@govflow/messaging';
import { HealthRegistry } from '@govflow/platform';
import { eventually } from '../../../../../test/support/event-fixtures';
import { startGroupAtEnd, tailTopic, type Tail } from '../../../../../test/support/kafka-tail';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { createTestNamespace } from '../../../../../test/support/temporal-namespace';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { loadTaxConfig } from '../../config/env.schema';
import { TaxModule } from '../../tax.module';
import { TaxActivitiesService } from '../activities/tax-activities.service';

jest.setTimeout(60000);

// Tax's side of simplified deregistration (R3.3), through the real consumer, store, relay and sweeper.
describe('tax clearance for deregistration', () => {
  const kafka = createKafka(uniqueId('tax-clearance-test'), servers.kafkaBrokers);
  const groupId = uniqueId('tax');
  const officer = { id: 'tax-officer-zhao', role: 'tax-officer' as const, department: 'tax' as const };
  const quiet = new DefaultLogger('ERROR');
  let database: TestDatabase;
  let app: INestApplicationContext;
  let producer: Producer;
  let activities: TaxActivities;
  const tails: Tail[] = [];

  let codes = 0;
  // Distinct valid-looking codes per test (tax only checks the shape).
  const nextCode = () =>
    `91110108MA${String(process.pid % 10000).padStart(4, '0')}${String(++codes).padStart(3, '0')}X`;
  const event = (
    type: string,
    streamId: string,
    correlationId: string,
    data: Record<string, unknown>,
  ): RecordedEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    version: 1,
    position: 1n,
    occurredAt: new Date(),
    data,
    metadata: { actor: { id: 'officer-li', role: 'registration-officer' }, correlationId, causationId: randomUUID() },
  });
  const publish = (e: RecordedEvent) =>
    producer.send({ topic: Topic.RegistrationEvents, messages: [toKafkaMessage(e)] });
  const run = <A extends unknown[], R>(activity: (...args: A) => Promise<R>, ...args: A): Promise<R> =>
    new MockActivityEnvironment({}, { logger: quiet }).run<A, R, typeof activity>(activity, ...args);

  /** A licensed taxpayer, its record opened by tax from LicenseIssued. */
  const licensed = async () => {
    const creditCode = nextCode();
    const caseId = uniqueId('case');
    await publish(
      event('LicenseIssued', `registration-case-${caseId}`, caseId, {
        caseId,
        creditCode,
        enterpriseName: '北京星河科技有限公司',
      }),
    );
    await eventually('the tax record opened', async () =>
      run(activities.readTaxRecord, { taxpayerId: creditCode }).then(
        () => true,
        () => false,
      ),
    );
    return creditCode;
  };
  /** Announces the deregistration of `creditCode` with a period ending `periodMs` from now at scale 86400. */
  const announce = async (creditCode: string, periodDays: number) => {
    const caseId = uniqueId('dereg');
    const startedAt = new Date();
    const started: DeregistrationAnnouncementStartedV1 = {
      caseId,
      creditCode,
      enterpriseName: '北京星河科技有限公司',
      startedAt: startedAt.toISOString(),
      legalEndsAt: new Date(startedAt.getTime() + periodDays * 86_400_000).toISOString(),
      endsAtCalendar: '—',
      timeScale: 86_400,
      policyVersion: 'deregistration-2022',
    };
    const tail = await tailTopic(kafka, Topic.TaxEvents, (e) => e.metadata.correlationId === caseId);
    tails.push(tail);
    await publish(event('DeregistrationAnnouncementStarted', `deregistration-${caseId}`, caseId, { ...started }));
    return { caseId, tail };
  };
  const answerOf = async (tail: Tail) => {
    await eventually('tax to answer', () => Promise.resolve(tail.events.some((e) => e.type.startsWith('Tax'))));
    return tail.events.find((e) => e.type.startsWith('Tax'))!;
  };
  const pendingMatter = (taxpayerId: string) => ({
    idempotencyKey: randomUUID(),
    taxpayerId,
    kind: 'arrears' as const,
    amount: { amount: '1200.00', currency: 'CNY' as const },
    note: '欠缴2026年2月增值税',
    by: officer,
    at: new Date().toISOString(),
  });

  beforeAll(async () => {
    database = await createTestDatabase('tax_clearance', 4);
    // Tax reads both topics: from their ends, or a long-lived Kafka's history of science events delays the test's own.
    await startGroupAtEnd(kafka, groupId, Topic.RegistrationEvents);
    await startGroupAtEnd(kafka, groupId, Topic.ScienceCommissionEvents);
    const config = loadTaxConfig({
      DATABASE_URL: database.url,
      TAX_CONSUMER_GROUP: groupId,
      TAX_OBJECTION_SWEEP_MS: '100',
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: await createTestNamespace('tax-clearance'),
    });
    const moduleRef = await Test.createTestingModule({ imports: [TaxModule.register(config)] }).compile();
    app = await moduleRef.init();
    activities = app.get(TaxActivitiesService).activities();
    producer = createEventProducer(kafka);
    await producer.connect();
    const health = app.get(HealthRegistry);
    await eventually('the consumer and the relay to run', async () => {
      const { checks } = await health.run();
      return checks.inbox?.status === 'up' && checks.outbox?.status === 'up';
    });
  });
  afterAll(async () => {
    await Promise.allSettled([producer?.disconnect(), ...tails.map((t) => t.stop())]);
    await app?.close();
    await database?.drop();
  });

  it('raises no objection at once for a taxpayer with nothing pending', async () => {
    const creditCode = await licensed();
    const { caseId, tail } = await announce(creditCode, 20);
    const answer = await answerOf(tail);
    expect(answer).toMatchObject({
      type: 'TaxNoObjectionRaised',
      streamId: `tax-record-${creditCode}`,
      data: { caseId, taxpayerId: creditCode, because: 'no-pending-matters' },
      metadata: { actor: { id: 'tax-service', department: 'tax' }, correlationId: caseId },
    });
    expect(tail.events.map((e) => e.type)).toEqual(['DeregistrationNoticeReceived', 'TaxNoObjectionRaised']);
  });

  it('objects the day after the period ends when a tax officer recorded a pending matter', async () => {
    const creditCode = await licensed();
    const view = await run(activities.recordTaxPendingMatter, pendingMatter(creditCode));
    expect(view.pendingMatters).toMatchObject([{ kind: 'arrears', amount: { amount: '1200.00' } }]);
    const announcedAt = Date.now();
    const { caseId, tail } = await announce(creditCode, 2); // 2 days at 86400: due in about 2 s
    const answer = await answerOf(tail);
    expect(answer).toMatchObject({
      type: 'TaxObjectionRaised',
      data: { caseId, pendingMatters: [{ kind: 'arrears', note: '欠缴2026年2月增值税' }] },
    });
    expect(answer.occurredAt.getTime() - announcedAt).toBeGreaterThanOrEqual(1900);
  });

  it('raises no objection once a tax officer records clearance before the period ends', async () => {
    const creditCode = await licensed();
    await run(activities.recordTaxPendingMatter, pendingMatter(creditCode));
    const { caseId, tail } = await announce(creditCode, 20); // due in about 20 s
    await eventually('the notice received', () => Promise.resolve(tail.events.length > 0));
    const clearance = {
      idempotencyKey: randomUUID(),
      taxpayerId: creditCode,
      reason: '已缴清税款并缴销发票',
      by: officer,
      at: new Date().toISOString(),
    };
    await run(activities.recordTaxClearance, clearance);
    await run(activities.recordTaxClearance, clearance); // a retry records nothing
    const answer = await answerOf(tail);
    expect(answer).toMatchObject({ type: 'TaxNoObjectionRaised', data: { caseId, because: 'cleared' } });
    const view = await run(activities.readTaxRecord, { taxpayerId: creditCode });
    expect(view).toMatchObject({
      pendingMatters: [],
      clearances: [{ reason: '已缴清税款并缴销发票', clearedBy: officer }],
    });
    expect(view.deregistrations).toMatchObject([{ caseId, verdict: 'no-objection' }]);
  });

  it('closes the record once when market regulation deregisters the enterprise (EnterpriseDeregistered)', async () => {
    const creditCode = await licensed();
    const caseId = uniqueId('dereg');
    const tail = await tailTopic(kafka, Topic.TaxEvents, (e) => e.metadata.correlationId === caseId);
    tails.push(tail);
    const deregistered = event('EnterpriseDeregistered', `deregistration-${caseId}`, caseId, { caseId, creditCode });
    await publish(deregistered);
    await publish(deregistered);
    await eventually('TaxRecordClosed', () => Promise.resolve(tail.events.length > 0));
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate to show up, if there were one
    expect(tail.events).toMatchObject([
      {
        type: 'TaxRecordClosed',
        data: { taxpayerId: creditCode, caseId },
        metadata: { causationId: deregistered.eventId },
      },
    ]);
  });

  it('refuses an officer on a credit code without a tax record (non-retryable)', async () => {
    await expect(run(activities.recordTaxPendingMatter, pendingMatter(nextCode()))).rejects.toMatchObject({
      type: 'TaxRecordNotFound',
      nonRetryable: true,
    });
  });
});
