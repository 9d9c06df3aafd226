// Test support: the registration workflows and a fake market-regulation service, running in a namespace of the
// test's own, so the gateway's submissions are answered (the submission Update waits for the name to be held).
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { deadlineActivities } from '../../libs/policy/src/time/deadline-activities';
import { fakeRegistrationServiceWithNameRules } from '../../workflows/registration/registration-names.fixtures';
import { servers } from './servers';
import { createTestNamespace } from './temporal-namespace';

export interface RegistrationWorkers {
  namespace: string;
  service: ReturnType<typeof fakeRegistrationServiceWithNameRules>;
  stop(): Promise<void>;
}

/** Workers for workflows/ on `orchestrator` and the fake service (it refuses 海淀) on `registration`. */
export async function startRegistrationWorkers(prefix: string): Promise<RegistrationWorkers> {
  Runtime.install({ logger: new DefaultLogger('ERROR') }); // refused activities are expected in these tests
  const namespace = await createTestNamespace(prefix);
  const connection = await NativeConnection.connect({ address: servers.temporalAddress });
  const service = fakeRegistrationServiceWithNameRules();
  const workflowsPath = require.resolve('../../workflows');
  const workers = await Promise.all([
    Worker.create({
      connection,
      namespace,
      taskQueue: TaskQueue.Orchestrator,
      workflowsPath,
      activities: deadlineActivities,
    }),
    Worker.create({ connection, namespace, taskQueue: TaskQueue.Registration, activities: service.activities }),
  ]);
  const running = Promise.all(workers.map((worker) => worker.run()));
  return {
    namespace,
    service,
    async stop() {
      workers.forEach((worker) => worker.shutdown());
      await running;
      await connection.close();
    },
  };
}
