import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueId } from './servers';
import { type RegistrationTestBed, startRegistrationTestBed } from './time-skipping';
import { terminateWhenIdle } from './terminate-when-idle';
import { policyOn } from './deregistration-policy';
import { applicationUpdate } from '../../workflows/deregistration/definitions';
import {
  deregistrationInput,
  fakeDeregistrationService,
  limitedCompany,
} from '../../workflows/deregistration/deregistration.fixtures';
import { deregistrationWorkflow } from '../../workflows/deregistration/deregistration.workflow';

jest.setTimeout(60_000);

describe(terminateWhenIdle.name, () => {
  const service = fakeDeregistrationService();
  const workflowQueue = uniqueId('idle-workflows');
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    const apply = service.activities.applyForDeregistration;
    testBed = await startRegistrationTestBed(workflowQueue, {
      ...service.activities,
      // Long enough to be caught in flight.
      async applyForDeregistration(input: Parameters<typeof apply>[0]) {
        await sleep(1_500);
        return apply(input);
      },
    });
  });
  afterAll(() => testBed?.stop());

  it('waits out the activity in flight before terminating, so the test server still skips time after', async () => {
    const caseId = uniqueId('idle');
    const handle = await testBed.client.workflow.start(deregistrationWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `deregistration-${caseId}`,
      args: [deregistrationInput(caseId, limitedCompany, policyOn('2026-11-29'))],
    });
    void handle.executeUpdate(applicationUpdate, { updateId: 'application' }).catch(() => undefined);
    while (((await handle.describe()).raw.pendingActivities?.length ?? 0) === 0) await sleep(20);

    const started = Date.now();
    await terminateWhenIdle(handle);
    expect(Date.now() - started).toBeGreaterThan(500); // it waited for the activity
    expect(service.callsFor(caseId).applyForDeregistration).toHaveLength(1);
    expect((await handle.describe()).status.name).toBe('TERMINATED');

    const before = await testBed.env.currentTimeMs();
    await testBed.env.sleep('30 days'); // would wait in real time behind a leaked lock
    expect((await testBed.env.currentTimeMs()) - before).toBeGreaterThanOrEqual(30 * 86_400_000);
  });
});
