// Test support: the workflows and the real market-regulation service (its core on a throwaway database) in a Temporal
// namespace of the test's own, for gateway tests that need what registration really records.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { deadlineActivities } from '../../libs/policy/src/time/deadline-activities';
import {
  type RegistrationTestApp,
  startRegistrationTestApp,
} from '../../apps/registration/src/activities/registration-activities.fixtures';
import { servers } from './servers';
import { createTestNamespace } from './temporal-namespace';

export interface MarketRegulationWorkers {
  namespace: string;
  registration: RegistrationTestApp;
  stop(): Promise<void>;
}

export async function startMarketRegulationWorkers(prefix: string): Promise<MarketRegulationWorkers> {
  Runtime.install({ logger: new DefaultLogger('ERROR') }); // refused activities are expected in these tests
  const namespace = await createTestNamespace(prefix);
  const registration = await startRegistrationTestApp(`${prefix.replace(/-/g, '_')}_reg`);
  const connection = await NativeConnection.connect({ address: servers.temporalAddress });
  const workflowsPath = require.resolve('../../workflows');
  const workers = await Promise.all([
    // As the orchestrator runs it: workflows with the deadline resolver as their local activity.
    Worker.create({
      connection,
      namespace,
      taskQueue: TaskQueue.Orchestrator,
      workflowsPath,
      activities: deadlineActivities,
    }),
    Worker.create({ connection, namespace, taskQueue: TaskQueue.Registration, activities: registration.activities }),
  ]);
  const running = Promise.all(workers.map((worker) => worker.run()));
  return {
    namespace,
    registration,
    async stop() {
      workers.forEach((worker) => worker.shutdown());
      await running;
      await connection.close();
      await registration.close();
    },
  };
}
