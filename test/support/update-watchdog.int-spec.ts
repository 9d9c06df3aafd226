import { Client } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueId } from './servers';
import { type RegistrationTestBed, startRegistrationTestBed } from './time-skipping';
import { updateWatchdog } from './update-watchdog';
import {
  applicationUpdate,
  deregistrationStatusQuery,
  objectionUpdate,
} from '../../workflows/deregistration/definitions';
import {
  creditor,
  deregistrationInput,
  fakeDeregistrationService,
  limitedCompany,
} from '../../workflows/deregistration/deregistration.fixtures';
import { deregistrationWorkflow } from '../../workflows/deregistration/deregistration.workflow';
import { eventually } from '../../workflows/registration/registration.fixtures';
import { policyOn } from './deregistration-policy';

jest.setTimeout(60_000);

describe('the update watchdog on the time-skipping server', () => {
  const service = fakeDeregistrationService();
  const slowCases = new Set<string>();
  const workflowQueue = uniqueId('watchdog-workflows');
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    const recordObjection = service.activities.recordDeregistrationObjection;
    testBed = await startRegistrationTestBed(workflowQueue, {
      ...service.activities,
      // An objection of a "slow" case takes 1.2 s to record, so its update outlives a short deadline.
      async recordDeregistrationObjection(input: Parameters<typeof recordObjection>[0]) {
        if (slowCases.has(input.caseId)) await sleep(1_200);
        return recordObjection(input);
      },
    });
  });
  afterAll(() => testBed?.stop());

  async function announcingCase(slow: boolean) {
    const caseId = uniqueId('watchdog');
    if (slow) slowCases.add(caseId);
    const handle = await testBed.client.workflow.start(deregistrationWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `deregistration-${caseId}`,
      args: [deregistrationInput(caseId, limitedCompany, policyOn('2026-11-29'))],
    });
    await handle.executeUpdate(applicationUpdate, { updateId: 'application' });
    await eventually(
      () => handle.query(deregistrationStatusQuery),
      (s) => s.status === 'announcing',
    );
    return { caseId, handle };
  }
  const objection = { actor: creditor, name: '王芳', reason: '尚欠货款 12 万元未结清', contact: '13800000000' };
  const watchedBy = (options: Parameters<typeof updateWatchdog>[2]) =>
    new Client({
      connection: testBed.env.connection,
      namespace: testBed.env.namespace ?? 'default',
      interceptors: { workflow: [updateWatchdog(testBed.env.connection, testBed.env.namespace ?? 'default', options)] },
    });

  it('takes one update asked twice under one update id once: the second answer is the first', async () => {
    const { caseId, handle } = await announcingCase(false);
    const first = await handle.executeUpdate(objectionUpdate, { args: [objection], updateId: 'objection-1' });
    const again = await handle.executeUpdate(objectionUpdate, { args: [objection], updateId: 'objection-1' });
    expect(again).toEqual(first);
    expect(first.objections).toHaveLength(1);
    expect(service.callsFor(caseId).recordDeregistrationObjection).toHaveLength(1);
    await handle.terminate('test over');
  });

  it('asks again under the same id when an answer is late, and the update still runs once', async () => {
    const { caseId } = await announcingCase(true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const handle = watchedBy({ answerWithinMs: 400, attempts: 10 }).workflow.getHandle(`deregistration-${caseId}`);
      const lodged = await handle.executeUpdate(objectionUpdate, { args: [objection] });
      expect(lodged.objections).toHaveLength(1);
      expect(service.callsFor(caseId).recordDeregistrationObjection).toHaveLength(1);
      expect(warn.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/left update objection \(.+\) of deregistration-watchdog-.+ unanswered/);
      await handle.terminate('test over');
    } finally {
      warn.mockRestore();
    }
  });

  it('gives up after its attempts, naming the update', async () => {
    const { caseId } = await announcingCase(true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const handle = watchedBy({ answerWithinMs: 200, attempts: 2 }).workflow.getHandle(`deregistration-${caseId}`);
      await expect(handle.executeUpdate(objectionUpdate, { args: [objection] })).rejects.toThrow(
        /the test server left update objection \(.+\) of deregistration-watchdog-.+ unanswered 2 times/,
      );
      expect(warn).toHaveBeenCalledTimes(1);
      await handle.terminate('test over');
    } finally {
      warn.mockRestore();
    }
  });
});
