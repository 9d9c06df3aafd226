import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Topic } from '@govflow/contracts';
import { createKafka } from '@govflow/messaging';
import { type RegistrationWorkers, startRegistrationWorkers } from '../../../../test/support/registration-workers';
import { servers, uniqueId } from '../../../../test/support/servers';
import { bootGateway, type BootedGateway, eventually } from '../testing/booted-gateway';
import { filedApplication } from '../testing/filed-application';
import { connectProducer, opened, taskEvent } from '../testing/published-events';

jest.setTimeout(90_000);

describe('task actions and supplements on a closed case (real Temporal, terminated workflow)', () => {
  const kafka = createKafka(uniqueId('gateway-closed-case-test'), servers.kafkaBrokers);
  let workers: RegistrationWorkers;
  let gateway: BootedGateway;
  let connection: Connection;
  let caseId: string;
  let taskId: string;

  beforeAll(async () => {
    workers = await startRegistrationWorkers('gw-closed-case');
    gateway = await bootGateway({ temporalNamespace: workers.namespace });
    connection = await Connection.connect({ address: servers.temporalAddress });
    const temporal = new Client({ connection, namespace: workers.namespace });
    const submitted = await gateway.post('/api/registrations', filedApplication('明远'), 'registrant1');
    caseId = ((await submitted.json()) as { caseId: string }).caseId;
    await temporal.workflow.getHandle(`registration-${caseId}`).terminate('closed for the test');
    taskId = `${caseId}:review:1`;
    const producer = await connectProducer(kafka);
    const reviewers = { role: 'registration-officer', department: 'market-regulation' } as const;
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const workflowId = `registration-${caseId}`;
    await producer.publish(Topic.TaskEvents, taskEvent({ taskId, caseId, workflowId }, opened(1, reviewers, due)));
    await producer.disconnect();
    await eventually(
      async () => (await (await gateway.get('/api/tasks', 'reg-officer1')).json()) as { taskId: string }[],
      (tasks) => tasks.some((task) => task.taskId === taskId),
    );
  });

  it('answers 409 to a supplement', async () => {
    const response = await gateway.post(
      `/api/registrations/${caseId}/supplement`,
      { changes: { domicile: '北京市通州区新华大街1号' }, note: '地址更正' },
      'registrant1',
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      errors: [{ field: null, message: 'the case is closed: it takes no more changes' }],
    });
  });

  it('answers 409 to a claim on its task, and 404 to a task nobody opened', async () => {
    const claim = await gateway.post(`/api/tasks/${encodeURIComponent(taskId)}/claim`, {}, 'reg-officer1');
    expect(claim.status).toBe(409);
    const unknown = await gateway.post(`/api/tasks/${randomUUID()}:review:1/claim`, {}, 'reg-officer1');
    expect(unknown.status).toBe(404);
  });

  it('answers 422 to a reassignment to nobody and 400 to a decision without a known outcome', async () => {
    const reassign = await gateway.post(`/api/tasks/${taskId}/reassign`, { to: 'no-such-officer' }, 'reg-officer1');
    expect(reassign.status).toBe(422);
    expect(await reassign.json()).toEqual({ errors: [{ field: 'to', message: 'no user no-such-officer' }] });
    const decision = await gateway.post(`/api/tasks/${taskId}/decision`, { outcome: 'maybe' }, 'reg-officer1');
    expect(decision.status).toBe(400);
    expect(((await decision.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'outcome',
    ]);
  });

  it('answers 400 to a supplement that changes nothing', async () => {
    const response = await gateway.post(
      `/api/registrations/${caseId}/supplement`,
      { changes: {}, note: '' },
      'registrant1',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ field: 'changes', message: 'must change at least one field of the application' }],
    });
  });

  afterAll(async () => {
    await connection?.close();
    await gateway?.close();
    await workers?.stop();
  });
});
