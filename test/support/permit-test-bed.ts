import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { uniqueId } from './servers';
import { type RegistrationTestBed, startRegistrationTestBed } from './time-skipping';
import { terminateWhenIdle } from './terminate-when-idle';
import type { Actor } from '../../libs/contracts/src/actors';
import type { PermitRouteName } from '../../libs/contracts/src/permits/permit-events';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { claimUpdate, decideUpdate } from '../../workflows/shared/human-task/definitions';
import { eventually } from '../../workflows/registration/registration.fixtures';
import {
  applicationUpdate,
  type PermitItem,
  type PermitStatus,
  permitStatusQuery,
} from '../../workflows/permit/definitions';
import { fakeAuthorities, permitInput } from '../../workflows/permit/permit.fixtures';
import { permitWorkflow } from '../../workflows/permit/permit.workflow';

export type Handle = WorkflowHandle<typeof permitWorkflow>;

/**
 * The permit workflow on the time-skipping server with fake authorities, started before the calling suite's tests
 * and stopped after, and the steps its tests take on a case.
 */
export function usePermitTestBed() {
  const authorities = fakeAuthorities();
  const workflowQueue = uniqueId('permit-workflows');
  let env: TestWorkflowEnvironment;
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, authorities.credit, TaskQueue.Registration, {
      [TaskQueue.Permits]: authorities.permits,
    });
    env = testBed.env;
  });
  afterAll(() => testBed?.stop());
  // A case a failed test left running would hold timers that every later env.sleep must pass; terminateWhenIdle waits
  // until nothing of it is in flight, or the test server would keep time locked.
  const opened: Handle[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((handle) => terminateWhenIdle(handle).catch(() => undefined)));
  });

  async function open(item: PermitItem, route: PermitRouteName, creditCode = uniqueId('91110108MA')) {
    const caseId = uniqueId('permit');
    const handle = await testBed.client.workflow.start(permitWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `permit-${caseId}`,
      args: [permitInput(caseId, creditCode, item, route)],
    });
    opened.push(handle);
    const accepted = handle.executeUpdate(applicationUpdate, { updateId: 'application' });
    return { caseId, creditCode, handle, accepted };
  }
  const statusOf = (handle: Handle) => handle.query(permitStatusQuery);
  const reaching = (handle: Handle, accept: (s: PermitStatus) => boolean) => eventually(() => statusOf(handle), accept);
  /** The task is open and its opening recorded: the case waits on a person, no activity in flight. */
  const atRest = (handle: Handle, kind: string) =>
    reaching(handle, (s) => s.openTask?.kind === kind && s.openTask.history.length > 0);
  async function sleepUntil(instant: string) {
    const gap = Date.parse(instant) - (await env.currentTimeMs());
    if (gap > 0) await env.sleep(gap + 1000);
  }
  async function decide(
    handle: Handle,
    kind: string,
    actor: Actor,
    outcome: 'approve' | 'reject' | 'request-info',
    reason?: string,
  ) {
    const { openTask } = await reaching(handle, (s) => s.openTask?.kind === kind);
    const taskId = openTask!.taskId;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor }] });
    return handle.executeUpdate(decideUpdate, { args: [{ taskId, actor, outcome, reason }] });
  }
  const failureOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('not refused');
      },
      (error: { cause?: { type?: string; message?: string } }) => error.cause,
    );
  const factTypes = (caseId: string) => authorities.factsOf(caseId).map((f) => f.type);

  const now = () => env.currentTimeMs();

  return { authorities, open, statusOf, reaching, atRest, sleepUntil, now, decide, failureOf, factTypes };
}
