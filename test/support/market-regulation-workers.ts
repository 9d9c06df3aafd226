// Test support: the workflows and the real market-regulation service (its core on a throwaway database) in a Temporal
// namespace of the test's own, for gateway tests that need what registration really records.
import {
  type RegistrationTestApp,
  startRegistrationTestApp,
} from '../../apps/registration/src/activities/registration-activities.fixtures';
import { startWorkflowWorkers, type WorkflowWorkers } from './workflow-workers';

export interface MarketRegulationWorkers extends WorkflowWorkers {
  registration: RegistrationTestApp;
}

export async function startMarketRegulationWorkers(prefix: string): Promise<MarketRegulationWorkers> {
  const registration = await startRegistrationTestApp(`${prefix.replace(/-/g, '_')}_reg`);
  const workers = await startWorkflowWorkers(prefix, registration.activities);
  return {
    ...workers,
    registration,
    async stop() {
      await workers.stop();
      await registration.close();
    },
  };
}
