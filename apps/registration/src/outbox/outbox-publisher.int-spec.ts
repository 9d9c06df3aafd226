import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Topic, type TaskEventRecord } from '@govflow/contracts';
import { createKafka } from '@govflow/messaging';
import { HealthRegistry } from '@govflow/platform';
import { eventually } from '../../../../test/support/event-fixtures';
import { tailTopic, type Tail } from '../../../../test/support/kafka-tail';
import { servers, uniqueId } from '../../../../test/support/servers';
import {
  approval,
  type RegistrationTestApp,
  startRegistrationTestApp,
  submission,
} from '../activities/registration-activities.fixtures';
import { OutboxPublisher } from '@govflow/platform';
import { registrationTopicOf } from './registration-topics';

jest.setTimeout(60000);

describe(OutboxPublisher.name, () => {
  const kafka = createKafka(uniqueId('registration-outbox-test'), servers.kafkaBrokers);
  let registration: RegistrationTestApp;
  let relayApp: INestApplicationContext;
  let tail: Tail;
  let taskTail: Tail;
  const caseId = uniqueId('case');

  beforeAll(async () => {
    registration = await startRegistrationTestApp('reg_outbox');
    tail = await tailTopic(kafka, Topic.RegistrationEvents, (event) => event.metadata.correlationId === caseId);
    taskTail = await tailTopic(kafka, Topic.TaskEvents, (event) => event.metadata.correlationId === caseId);
    const moduleRef = await Test.createTestingModule({
      providers: [
        HealthRegistry,
        {
          provide: OutboxPublisher,
          inject: [HealthRegistry],
          useFactory: (health: HealthRegistry) =>
            new OutboxPublisher(
              registration.store,
              registration.database.pool,
              kafka,
              health,
              Topic.RegistrationEvents,
              registrationTopicOf,
            ),
        },
      ],
    }).compile();
    relayApp = await moduleRef.init();
  });
  afterAll(async () => {
    await relayApp?.close();
    await tail?.stop();
    await taskTail?.stop();
    await registration?.close();
  });

  it('publishes the case’s events to registration.events and its task events to tasks.events', async () => {
    const { run, activities } = registration;
    await run(caseId, activities.submitApplication, submission(caseId));
    await run(caseId, activities.recordTaskEvent, taskOpened(caseId));
    const { creditCode } = await run(caseId, activities.issueLicense, approval(caseId));

    await eventually('LicenseIssued on registration.events', () =>
      Promise.resolve(tail.events.some((event) => event.type === 'LicenseIssued')),
    );
    await eventually('TaskOpened on tasks.events', () => Promise.resolve(taskTail.events.length > 0));
    expect(taskTail.events.map((event) => event.type)).toEqual(['TaskOpened']);

    expect(tail.events.map((event) => [event.type, event.streamId])).toEqual([
      ['ApplicationSubmitted', `registration-case-${caseId}`],
      ['NameReserved', `registration-case-${caseId}`],
      ['LicenseIssued', `registration-case-${caseId}`],
    ]);
    expect(tail.events[2]?.data).toMatchObject({ caseId, creditCode });
    expect(await relayApp.get(HealthRegistry).run()).toMatchObject({
      status: 'ok',
      checks: { outbox: { status: 'up', detail: 'relaying to registration.events' } },
    });
  });
});

const taskOpened = (caseId: string): TaskEventRecord => ({
  eventId: `${caseId}:review:1#1`,
  taskId: `${caseId}:review:1`,
  caseId,
  kind: 'registration-review',
  event: {
    type: 'opened',
    sequence: 1,
    at: '2025-03-01T08:01:00.000Z',
    candidateGroup: { role: 'registration-officer', department: 'market-regulation' },
    dueAt: '2025-03-04T08:00:00.000Z',
  },
  workflow: { workflowId: `registration-${caseId}`, runId: 'run-1' },
});
