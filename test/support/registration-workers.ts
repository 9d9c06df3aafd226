// Test support: the registration workflows and a fake market-regulation service, running in a namespace of the
// test's own, so the gateway's submissions are answered (the submission Update waits for the name to be held).
import { fakeRegistrationServiceWithNameRules } from '../../workflows/registration/registration-names.fixtures';
import { startWorkflowWorkers, type WorkflowWorkers } from './workflow-workers';

export interface RegistrationWorkers extends WorkflowWorkers {
  service: ReturnType<typeof fakeRegistrationServiceWithNameRules>;
}

/** Workers for workflows/ on `orchestrator` and the fake service (it refuses 海淀) on `registration`. */
export async function startRegistrationWorkers(prefix: string): Promise<RegistrationWorkers> {
  const service = fakeRegistrationServiceWithNameRules();
  const workers = await startWorkflowWorkers(prefix, service.activities);
  return { ...workers, service };
}
