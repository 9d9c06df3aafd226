/**
 * Records, for each workflow type the orchestrator registers (workflows/index.ts), the history of a completed
 * real run into test/fixtures/workflow-histories/<type>.history.json, for the replay check (workflows/replay.spec.ts).
 * Usage: eval "$(node infra/dev.mjs env)"; node -r ./test/support/swc-register.js test/support/record-workflow-histories.ts [type…]
 * It picks, among the most recent completed runs in every namespace, the one with the longest history.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection, type WorkflowExecutionInfo } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import * as workflows from '../../workflows';

const RECENT_PER_NAMESPACE = 20;

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(workflows);
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const namespaces = await allNamespaces(connection);
  for (const type of wanted) {
    let best: { namespace: string; info: WorkflowExecutionInfo } | undefined;
    for (const namespace of namespaces) {
      const client = new Client({ connection, namespace });
      let seen = 0;
      const query = `WorkflowType="${type}" AND ExecutionStatus="Completed"`;
      for await (const info of client.workflow.list({ query })) {
        if ((info.historyLength ?? 0) > (best?.info.historyLength ?? 0)) best = { namespace, info };
        if (++seen >= RECENT_PER_NAMESPACE) break;
      }
    }
    if (!best) {
      console.error(`${type}: no completed run found; run a test that completes one, then record again`);
      process.exitCode = 1;
      continue;
    }
    const client = new Client({ connection, namespace: best.namespace });
    const history = await client.workflow.getHandle(best.info.workflowId, best.info.runId).fetchHistory();
    const file = path.join(__dirname, '..', 'fixtures', 'workflow-histories', `${type}.history.json`);
    // protobufjs's own object form (longs, enums and bytes as strings): History.fromObject reads it back.
    const { History } = temporal.api.history.v1;
    const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
    writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
    console.log(
      `${type}: ${best.info.workflowId} (${best.info.historyLength} events) -> ${path.relative(process.cwd(), file)}`,
    );
  }
  await connection.close();
}

/** Every namespace on the server: each test stack makes its own, so there are more than one page of them. */
async function allNamespaces(connection: Connection): Promise<string[]> {
  const names: string[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await connection.workflowService.listNamespaces({ pageSize: 1000, nextPageToken });
    names.push(...page.namespaces.map((n) => n.namespaceInfo?.name ?? '').filter(Boolean));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return names;
}

void main();
