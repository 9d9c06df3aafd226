import { Client, Connection, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowIdConflictPolicy } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { servers, uniqueId } from '../../test/support/servers';
import { createTestNamespace } from '../../test/support/temporal-namespace';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { deadlineActivities } from '../../libs/policy/src/time/deadline-activities';
import { claimUpdate, decideUpdate } from '../shared/human-task/definitions';
import {
  registrationStatusQuery,
  SUBMISSION_UPDATE_ID,
  submissionUpdate,
  supplementUpdate,
  type RegistrationInput,
} from './definitions';
import { applicant, application, eventually, officerLi, registrationInput } from './registration.fixtures';
import { fakeRegistrationServiceWithNameRules } from './registration-names.fixtures';
import { registrationWorkflow } from './registration.workflow';

jest.setTimeout(60_000);

const { EventType } = temporal.api.enums.v1;
const haidian = { ...application.name, tradeName: '海淀' };

// On the dev server: the time-skipping test server does not take Update-with-start, which the gateway submits with.
describe(`${registrationWorkflow.name}: names refused at submission and supplement`, () => {
  const service = fakeRegistrationServiceWithNameRules();
  const workflowQueue = uniqueId('registration-names');
  let client: Client;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let workers: Worker[];
  let running: Promise<unknown>;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') }); // refused activities are expected here
    const namespace = await createTestNamespace('names');
    nativeConnection = await NativeConnection.connect({ address: servers.temporalAddress });
    const workflowsPath = require.resolve('../index');
    const worker = (options: { taskQueue: string; workflowsPath?: string; activities?: object }) =>
      Worker.create({ connection: nativeConnection, namespace, ...options });
    workers = await Promise.all([
      worker({ taskQueue: workflowQueue, workflowsPath, activities: deadlineActivities }),
      worker({ taskQueue: TaskQueue.Registration, activities: service.activities }),
    ]);
    running = Promise.all(workers.map((w) => w.run()));
    connection = await Connection.connect({ address: servers.temporalAddress });
    client = new Client({ connection, namespace });
  });

  afterAll(async () => {
    workers.forEach((w) => w.shutdown());
    await running;
    await connection.close();
    await nativeConnection.close();
  });

  const submit = (input: RegistrationInput) =>
    client.workflow.executeUpdateWithStart(submissionUpdate, {
      updateId: SUBMISSION_UPDATE_ID,
      startWorkflowOperation: new WithStartWorkflowOperation(registrationWorkflow, {
        taskQueue: workflowQueue,
        workflowId: `registration-${input.caseId}`,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        args: [input],
      }),
    });
  const historyOf = async (caseId: string) =>
    (await client.workflow.getHandle(`registration-${caseId}`).fetchHistory()).events ?? [];
  const count = (events: { eventType?: unknown }[], type: number) => events.filter((e) => e.eventType === type).length;

  it('answers the submission once the name is held, at the cost of two history events', async () => {
    const input = registrationInput(uniqueId('case'));
    const started = performance.now();
    const status = await submit(input);
    const answeredMs = Math.round(performance.now() - started);

    expect(status.steps).toContainEqual(expect.objectContaining({ name: 'submit-application', status: 'done' }));
    const handle = client.workflow.getHandle(`registration-${input.caseId}`);
    await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => s.openTask !== undefined,
    );
    const events = await historyOf(input.caseId);
    const updates =
      count(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) +
      count(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
    console.log(JSON.stringify({ submissionAnsweredMs: answeredMs, historyEventsAtReview: events.length, updates }));
    expect(updates).toBe(2);
    await expect(submit(input)).resolves.toMatchObject({ caseId: input.caseId }); // a repeat attaches to it
    expect(count(await historyOf(input.caseId), EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toBe(1);
  });

  it('refuses 海淀 at submission with its rule, and ends the case refused before any review', async () => {
    const caseId = uniqueId('case');
    const failure = await submit({ ...registrationInput(caseId), application: { ...application, name: haidian } }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (failure as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause.type).toBe('NameNotAllowed');
    expect(cause.details?.[0]).toMatchObject({ problems: [{ code: 'trade-name-is-place-name', part: 'tradeName' }] });
    const result = await client.workflow.getHandle(`registration-${caseId}`).result();
    expect(result).toMatchObject({
      status: 'refused',
      steps: [{ name: 'submit-application', status: 'refused' }],
      refusal: { type: 'NameNotAllowed', details: { problems: [{ code: 'trade-name-is-place-name' }] } },
    });
    expect(service.taskEventsFor(caseId)).toEqual([]);
    console.log(JSON.stringify({ refusedCaseHistoryEvents: (await historyOf(caseId)).length }));
  });

  it('refuses a supplement renaming to 海淀 and keeps the request open for another answer', async () => {
    const caseId = uniqueId('case');
    await submit(registrationInput(caseId));
    const handle = client.workflow.getHandle(`registration-${caseId}`);
    const { openTask } = await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => !!s.openTask,
    );
    const taskId = openTask!.taskId;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });
    const reason = '请补充材料';
    await handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: officerLi, outcome: 'request-info', reason }] });

    const refused = await handle
      .executeUpdate(supplementUpdate, { args: [{ actor: applicant, changes: { name: haidian }, note: '更名' }] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(((refused as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('NameNotAllowed');
    expect((await handle.query(registrationStatusQuery)).status).toBe('information-requested');

    const renamed = { ...application.name, tradeName: '银河' };
    await handle.executeUpdate(supplementUpdate, {
      args: [{ actor: applicant, changes: { name: renamed }, note: '' }],
    });
    expect((await handle.query(registrationStatusQuery)).status).toBe('under-review');
    expect(service.callsFor(caseId).supplementApplication.map((call) => call.changes.name?.tradeName)).toEqual([
      '银河',
    ]);
  });

  const reviewTaskOf = async (caseId: string) => {
    await submit(registrationInput(caseId));
    const handle = client.workflow.getHandle(`registration-${caseId}`);
    const { openTask } = await eventually(
      () => handle.query(registrationStatusQuery),
      (s) => !!s.openTask,
    );
    const taskId = openTask!.taskId;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: officerLi }] });
    const approve = (confirms?: string[]) =>
      handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: officerLi, outcome: 'approve', confirms }] }).then(
        () => 'approved',
        (error: unknown) => ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type,
      );
    return { handle, approve };
  };

  it('re-examines the name at approval: refuses it while taken meanwhile, recording the attempt', async () => {
    const caseId = uniqueId('case');
    const { approve } = await reviewTaskOf(caseId);
    service.takenMeanwhile.add(caseId);

    expect(await approve()).toBe('NameUnavailable');
    service.takenMeanwhile.delete(caseId);
    expect(await approve()).toBe('approved');
    const events = service.taskEventsFor(caseId);
    expect(events.map((e) => e.type)).toEqual(['opened', 'claimed', 'refused', 'decided']);
    expect(events[2]).toMatchObject({ failure: 'NameUnavailable', message: expect.stringMatching(/现已不可用/) });
  });

  it('approves a name shared through an investment link only once the officer confirms the link', async () => {
    const caseId = uniqueId('case');
    const { approve } = await reviewTaskOf(caseId);
    service.linkedTo.set(caseId, '91110000600037341L');

    expect(await approve()).toBe('ConfirmationRequired');
    expect(await approve(['investment-link:91110000600037341L'])).toBe('approved');
    expect(service.taskEventsFor(caseId).at(-1)).toMatchObject({
      type: 'decided',
      confirms: ['investment-link:91110000600037341L'],
    });
  });
});
