import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Topic } from '@govflow/contracts';
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

jest.setTimeout(60000);

describe(OutboxPublisher.name, () => {
  const kafka = createKafka(uniqueId('registration-outbox-test'), servers.kafkaBrokers);
  let registration: RegistrationTestApp;
  let relayApp: INestApplicationContext;
  let tail: Tail;
  const caseId = uniqueId('case');

  beforeAll(async () => {
    registration = await startRegistrationTestApp('reg_outbox');
    tail = await tailTopic(kafka, Topic.RegistrationEvents, (event) => event.metadata.correlationId === caseId);
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
            ),
        },
      ],
    }).compile();
    relayApp = await moduleRef.init();
  });
  afterAll(async () => {
    await relayApp?.close();
    await tail?.stop();
    await registration?.close();
  });

  it('publishes the case’s events, LicenseIssued with its credit code, to registration.events', async () => {
    const { run, activities } = registration;
    await run(caseId, activities.submitApplication, submission(caseId));
    const { creditCode } = await run(caseId, activities.issueLicense, approval(caseId));

    await eventually('LicenseIssued on registration.events', () =>
      Promise.resolve(tail.events.some((event) => event.type === 'LicenseIssued')),
    );

    expect(tail.events.map((event) => [event.type, event.streamId])).toEqual([
      ['ApplicationSubmitted', `registration-case-${caseId}`],
      ['LicenseIssued', `registration-case-${caseId}`],
    ]);
    expect(tail.events[1]?.data).toMatchObject({ caseId, creditCode });
    expect(await relayApp.get(HealthRegistry).run()).toMatchObject({
      status: 'ok',
      checks: { outbox: { status: 'up', detail: 'relaying to registration.events' } },
    });
  });
});
