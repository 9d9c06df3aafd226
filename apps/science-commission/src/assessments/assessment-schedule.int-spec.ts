import { Client, Connection } from '@temporalio/client';
import { platformOptions } from '@govflow/platform';
import { servers } from '../../../../test/support/servers';
import { createTestNamespace } from '../../../../test/support/temporal-namespace';
import { ASSESSMENT_SCHEDULE_ID, AssessmentSchedule } from './assessment-schedule';

jest.setTimeout(60_000);

describe(AssessmentSchedule.name, () => {
  let connection: Connection;
  afterAll(() => connection?.close());

  it('is created once, and fires on 15 January at 00:00 Beijing time (16:00 UTC on the 14th)', async () => {
    const namespace = await createTestNamespace('assessment-schedule');
    connection = await Connection.connect({ address: servers.temporalAddress });
    const options = platformOptions('science-commission', {
      KAFKA_BROKERS: servers.kafkaBrokers,
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
    });
    const schedule = new AssessmentSchedule(connection, options);
    expect(await schedule.ensure()).toBe(true);
    expect(await schedule.ensure()).toBe(false);

    const handle = new Client({ connection, namespace }).schedule.getHandle(ASSESSMENT_SCHEDULE_ID);
    const described = await handle.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledAssessmentWorkflow' });
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    const next = described.info.nextActionTimes[0]!;
    expect(next.toISOString()).toMatch(/^\d{4}-01-14T16:00:00\.000Z$/);
    await handle.delete();
  });
});
