// Test support: the workflows as the orchestrator runs them (with the deadline resolver as their local activity) and a
// market-regulation activity worker, in a namespace of the test's own.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { deadlineActivities } from '../../libs/policy/src/time/deadline-activities';
import { servers } from './servers';
import { createTestNamespace } from './temporal-namespace';

export interface WorkflowWorkers {
  namespace: string;
  stop(): Promise<void>;
}

export async function startWorkflowWorkers(prefix: string, registrationActivities: object): Promise<WorkflowWorkers> {
  Runtime.install({ logger: new DefaultLogger('ERROR') }); // refused activities are expected in these tests
  const namespace = await createTestNamespace(prefix);
  const connection = await NativeConnection.connect({ address: servers.temporalAddress });
  const workflowsPath = require.resolve('../../workflows');
  const workers = await Promise.all([
    Worker.create({
      connection,
      namespace,
      taskQueue: TaskQueue.Orchestrator,
      workflowsPath,
      activities: deadlineActivities,
    }),
    Worker.create({ connection, namespace, taskQueue: TaskQueue.Registration, activities: registrationActivities }),
  ]);
  const running = Promise.all(workers.map((worker) => worker.run()));
  return {
    namespace,
    async stop() {
      workers.forEach((worker) => worker.shutdown());
      await running;
      await connection.close();
    },
  };
}
