import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { CaseSearchAttribute } from '@govflow/contracts';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { createTestNamespace } from '../../../../../test/support/temporal-namespace';
import { probeWorkflow } from '../../../../../workflows/probe/probe.workflow';
import { bootGateway, type BootedGateway } from '../../testing/booted-gateway';
import { WorkflowArchiver } from './workflow-archiver';

jest.setTimeout(120_000);

describe('archived workflow histories', () => {
  let namespace: string;
  let gateway: BootedGateway;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueId('archive');

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    namespace = await createTestNamespace('gw-archive');
    native = await NativeConnection.connect({ address: servers.temporalAddress });
    worker = await workerOnceNamespaceIsKnown(native, namespace, taskQueue);
    running = worker.run();
    connection = await Connection.connect({ address: servers.temporalAddress });
    gateway = await bootGateway({ temporalNamespace: namespace });
  });
  afterAll(async () => {
    await gateway?.close();
    worker?.shutdown();
    await running;
    await connection?.close();
    await native?.close();
  });

  it("keeps a closed workflow's full history in PostgreSQL, listed under its case, and it still replays", async () => {
    const caseId = randomUUID();
    const client = new Client({ connection, namespace });
    const handle = await client.workflow.start(probeWorkflow, {
      taskQueue,
      workflowId: `probe-${caseId}`,
      args: [{ expectedNotes: 1, expireAfter: '1 second' }],
      typedSearchAttributes: [{ key: CaseSearchAttribute.CaseId, value: caseId }],
    });
    expect(await handle.result()).toMatchObject({ outcome: 'expired' });
    const archiver = gateway.app.get(WorkflowArchiver);
    const listed = async () =>
      (await (await gateway.get(`/api/audit/cases/${caseId}/workflows`, 'admin')).json()) as unknown[];
    for (let pass = 0; (await listed()).length === 0 && pass < 50; pass++) {
      await archiver.archiveClosed(); // visibility lags the close by a moment
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [entry] = (await listed()) as { workflowId: string; runId: string; eventCount: number }[];
    expect(entry).toMatchObject({ workflowId: `probe-${caseId}`, type: 'probeWorkflow', status: 'COMPLETED' });
    expect(entry!.eventCount).toBeGreaterThan(5);
    expect(await archiver.archiveClosed()).toBe(0); // nothing twice

    const { rows } = await gateway.database.pool.query<{ history: object }>(
      'SELECT history FROM workflow_histories WHERE workflow_id = $1',
      [entry!.workflowId],
    );
    const history = temporal.api.history.v1.History.fromObject(rows[0]!.history);
    expect(history.events).toHaveLength(entry!.eventCount);
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../../../../workflows') }, history);

    expect((await gateway.get(`/api/audit/cases/${caseId}/workflows`, 'registrant1')).status).toBe(403);
    const operations = (await (await gateway.get('/api/audit/operations', 'admin')).json()) as unknown[];
    expect(operations[0]).toMatchObject({
      action: 'audit.case-workflows',
      target: caseId,
      actor: { username: 'admin' },
    });
    expect((await gateway.get('/api/audit/cases/bad%20id/workflows', 'admin')).status).toBe(400);
  });
});

/**
 * A just-registered namespace can be described before the worker's own check knows it (NamespaceNotFound from
 * Worker.create on a loaded machine); retry that one error for a while. The worker connects to the test's server: on
 * its own, Worker.create would dial the default 127.0.0.1:7233, another server when the ports are moved.
 */
async function workerOnceNamespaceIsKnown(
  connection: NativeConnection,
  namespace: string,
  taskQueue: string,
): Promise<Worker> {
  for (let attempt = 1; ; attempt++) {
    try {
      const workflowsPath = require.resolve('../../../../../workflows');
      return await Worker.create({ connection, namespace, taskQueue, workflowsPath });
    } catch (error) {
      if (attempt >= 60 || !String(error).includes('not found')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
