import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Producer } from 'kafkajs';
import { type EnterpriseDeregisteredV1, TaskQueue, Topic } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { deadlineActivities } from '@govflow/policy';
import { createEventProducer, createKafka, type RecordedEvent, toKafkaMessage } from '@govflow/messaging';
import { HealthRegistry } from '@govflow/platform';
import { eventually } from '../../../../../test/support/event-fixtures';
import { startGroupAtEnd } from '../../../../../test/support/kafka-tail';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { createTestNamespace } from '../../../../../test/support/temporal-namespace';
import { applicationUpdate, permitWorkflowId } from '../../../../../workflows/permit/definitions';
import { itemOf, permitInput } from '../../../../../workflows/permit/permit.fixtures';
import { loadPermitsConfig } from '../../config/env.schema';
import { PermitsModule } from '../../permits.module';
import { permitStreamId } from '../permit-case-register';

jest.setTimeout(90_000);

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCode = () =>
  `91110108MA${Array.from({ length: 8 }, () => CODE_CHARS[Math.floor(Math.random() * CODE_CHARS.length)]).join('')}`;

describe('permits end the cases of a deregistered enterprise (registration.events, inbox, Temporal)', () => {
  const kafka = createKafka(uniqueId('permits-test'), servers.kafkaBrokers);
  const groupId = uniqueId('permits');
  let database: TestDatabase;
  let namespace: string;
  let workerConnection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let app: INestApplicationContext;
  let producer: Producer;
  let connection: Connection;
  let client: Client;

  const deregistration = (code: string): RecordedEvent => {
    const caseId = uniqueId('dereg');
    const data: EnterpriseDeregisteredV1 = {
      caseId,
      creditCode: code,
      enterpriseName: '北京星河餐饮有限公司',
      decidedBy: { id: 'reg-officer1', role: 'registration-officer', department: 'market-regulation' },
      reason: '简易注销，公告期满无异议',
      deregisteredAt: '2026-11-29T06:00:00.000Z',
    };
    return {
      eventId: randomUUID(),
      type: 'EnterpriseDeregistered',
      schemaVersion: 1,
      streamId: `deregistration-${caseId}`,
      version: 9,
      position: 9n,
      occurredAt: new Date(),
      data: { ...data },
      metadata: { actor: data.decidedBy, correlationId: caseId, causationId: `${caseId}:decide` },
    };
  };
  const publish = (...events: RecordedEvent[]) =>
    producer.send({ topic: Topic.RegistrationEvents, messages: events.map(toKafkaMessage) });
  const inboxHolds = async (eventId: string) =>
    (await database.pool.query('SELECT 1 FROM event_store.inbox WHERE message_id = $1', [eventId])).rowCount === 1;
  const statusOf = async (caseId: string) =>
    (await database.pool.query<{ status: string }>('SELECT status FROM permits.cases WHERE case_id = $1', [caseId]))
      .rows[0]?.status;

  beforeAll(async () => {
    database = await createTestDatabase('permits_inbox', 4);
    // The permit workflow as the orchestrator runs it; its activities are the app's own (queue `permits`).
    namespace = await createTestNamespace('permits-inbox');
    workerConnection = await NativeConnection.connect({ address: servers.temporalAddress });
    worker = await Worker.create({
      connection: workerConnection,
      namespace,
      taskQueue: TaskQueue.Orchestrator,
      workflowsPath: require.resolve('../../../../../workflows'),
      activities: deadlineActivities,
    });
    running = worker.run();
    await startGroupAtEnd(kafka, groupId, Topic.RegistrationEvents);
    const config = loadPermitsConfig({
      DATABASE_URL: database.url,
      PERMITS_CONSUMER_GROUP: groupId,
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
    });
    const moduleRef = await Test.createTestingModule({ imports: [PermitsModule.register(config)] }).compile();
    app = await moduleRef.init();
    producer = createEventProducer(kafka);
    await producer.connect();
    connection = await Connection.connect({ address: servers.temporalAddress });
    client = new Client({ connection, namespace });
    const health = app.get(HealthRegistry);
    await eventually('the consumer to run', async () => (await health.run()).checks.inbox?.status === 'up');
  });
  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    worker?.shutdown();
    await running;
    await workerConnection?.close();
    await connection?.close();
    await database?.drop();
  });

  it('ends a case in review once, caused by the event, and changes nothing when the event is delivered again', async () => {
    const code = creditCode();
    const caseId = uniqueId('permit');
    const handle = await client.workflow.start('permitWorkflow', {
      taskQueue: TaskQueue.Orchestrator,
      workflowId: permitWorkflowId(caseId),
      args: [permitInput(caseId, code, itemOf('food-business-permit'), 'standard')],
    });
    await handle.executeUpdate(applicationUpdate, { updateId: 'application' });
    expect(await statusOf(caseId)).toBe('applied');

    const deregistered = deregistration(code);
    await publish(deregistered);
    expect(await handle.result()).toMatchObject({
      status: 'ended',
      ending: { reason: 'enterprise-deregistered', deregistrationCaseId: deregistered.data.caseId },
    });
    expect(await statusOf(caseId)).toBe('ended');

    const unrelated = deregistration(creditCode()); // no cases: handled, nothing to signal
    await publish(deregistered, unrelated);
    await eventually('the event after the redelivery handled', () => inboxHolds(unrelated.eventId));
    const events = await app.get(EventStore).readStream(permitStreamId(caseId));
    const ended = events.filter((e) => e.type === 'PermitEnded');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({
      data: { caseId, creditCode: code, reason: 'enterprise-deregistered', effectiveAt: '2026-11-29T06:00:00.000Z' },
      metadata: { actor: { id: 'workflow', role: 'system' }, correlationId: caseId, causationId: deregistered.eventId },
    });
    const { rows } = await database.pool.query('SELECT 1 FROM event_store.inbox WHERE message_id = $1', [
      deregistered.eventId,
    ]);
    expect(rows).toHaveLength(1);
  });
});
