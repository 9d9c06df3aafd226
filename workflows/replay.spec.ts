import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import * as workflows from './index';

jest.setTimeout(180_000);

// Recorded from real runs by test/support/record-workflow-histories.ts (see README, "Workflow histories").
const historiesDir = path.join(__dirname, '..', 'test', 'fixtures', 'workflow-histories');
const types = Object.keys(workflows);
const { History } = temporal.api.history.v1;

const fixtureOf = (type: string) => path.join(historiesDir, `${type}.history.json`);

function recorded(type: string): temporal.api.history.v1.History {
  return History.fromObject(JSON.parse(readFileSync(fixtureOf(type), 'utf8')) as object);
}

async function replay(histories: { workflowId: string; history: temporal.api.history.v1.IHistory }[]) {
  const failures: string[] = [];
  const options = { workflowsPath: require.resolve('./index') };
  for await (const result of Worker.runReplayHistories(options, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  return failures;
}

describe('recorded workflow histories replay against the current workflow code', () => {
  beforeAll(() => Runtime.install({ logger: new DefaultLogger('ERROR') }));

  it('has a recorded history for every workflow type the orchestrator registers', () => {
    // A new workflow type ships with its fixture: the list names every type still missing one.
    expect(types.filter((type) => !existsSync(fixtureOf(type)))).toEqual([]);
    for (const type of types) expect(() => recorded(type)).not.toThrow();
  });

  it('replays every one without a determinism error', async () => {
    const failures = await replay(types.map((type) => ({ workflowId: type, history: recorded(type) })));
    expect(failures).toEqual([]);
  });

  it('names the workflow and the event when the code no longer matches its history', async () => {
    const history = recorded('supervisionRecordWorkflow');
    const started = history.events[0]!.workflowExecutionStartedEventAttributes!;
    started.workflowType = { name: 'probeWorkflow' }; // another workflow's code against this history
    const failures = await replay([{ workflowId: 'supervision-as-probe', history }]);
    expect(failures).toEqual([expect.stringMatching(/^supervision-as-probe: .*Nondeterminism.*HistoryEvent\(id: \d+/)]);
  });
});
