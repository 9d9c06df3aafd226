import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { servers, uniqueId } from './servers';
import { createTestNamespace } from './temporal-namespace';
import { probeWorkflow } from '../../workflows/probe/probe.workflow';
import { confirmUpdate } from '../../workflows/probe/definitions';

describe(createTestNamespace.name, () => {
  it('gives a namespace where a workflow with case search attributes runs', async () => {
    const namespace = await createTestNamespace('ns-test');
    const native = await NativeConnection.connect({ address: servers.temporalAddress });
    const connection = await Connection.connect({ address: servers.temporalAddress });
    try {
      const taskQueue = uniqueId('q');
      const worker = await Worker.create({
        connection: native,
        namespace,
        taskQueue,
        workflowsPath: require.resolve('../../workflows'),
      });
      const client = new Client({ connection, namespace });
      const result = await worker.runUntil(async () => {
        const handle = await client.workflow.start(probeWorkflow, {
          taskQueue,
          workflowId: uniqueId('probe'),
          args: [{ expectedNotes: 0, expireAfter: '1 minute' }],
          searchAttributes: { CaseId: ['case-1'] },
        });
        await handle.executeUpdate(confirmUpdate, { args: ['admin'] });
        return handle.result();
      });
      expect(result).toMatchObject({ outcome: 'confirmed', confirmedBy: 'admin' });
    } finally {
      await connection.close();
      await native.close();
    }
  });
});
