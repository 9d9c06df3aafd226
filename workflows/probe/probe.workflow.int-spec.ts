import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { servers, uniqueId } from '../../test/support/servers';
import { confirmUpdate, noteSignal, notesQuery } from './definitions';
import { probeWorkflow } from './probe.workflow';

describe(probeWorkflow.name, () => {
  const taskQueue = uniqueId('probe');
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let client: Client;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    nativeConnection = await NativeConnection.connect({ address: servers.temporalAddress });
    worker = await Worker.create({
      connection: nativeConnection,
      namespace: servers.temporalNamespace,
      taskQueue,
      workflowsPath: require.resolve('../index'),
    });
    running = worker.run();
    connection = await Connection.connect({ address: servers.temporalAddress });
    client = new Client({ connection, namespace: servers.temporalNamespace });
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await connection.close();
    await nativeConnection.close();
  });

  it('takes signals, refuses an invalid update, accepts a valid one and completes', async () => {
    const handle = await client.workflow.start(probeWorkflow, {
      taskQueue,
      workflowId: uniqueId('probe'),
      args: [{ expectedNotes: 2, expireAfter: '1 hour' }],
    });
    await handle.signal(noteSignal, 'first');
    await handle.signal(noteSignal, 'second');
    expect(await handle.query(notesQuery)).toEqual(['first', 'second']);

    await expect(handle.executeUpdate(confirmUpdate, { args: [' '] })).rejects.toThrow(WorkflowUpdateFailedError);
    const answer = await handle.executeUpdate(confirmUpdate, { args: ['reg-officer1'] });

    expect(answer).toBe('confirmed by reg-officer1 after 2 note(s)');
    expect(await handle.result()).toEqual({
      outcome: 'confirmed',
      notes: ['first', 'second'],
      confirmedBy: 'reg-officer1',
    });
  });
});
