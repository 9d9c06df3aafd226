import type { WorkflowHandle } from '@temporalio/client';
import { TaskQueue } from '../../libs/contracts/src/task-queues';
import { makerSpaceCriteria, type MakerSpaceFigures } from '../../libs/policy/src/maker-space/maker-space-criteria';
import {
  makerSpaceGrantPolicies,
  recognitionGrantFen,
} from '../../libs/policy/src/maker-space/maker-space-grant-policy';
import { grantProgrammes, recognitionProgramme } from '../../libs/policy/src/maker-space/grant-programmes';
import { firstDayOfNextChinaMonth } from '../../libs/policy/src/maker-space/tax-exemption';
import { uniqueId } from '../../test/support/servers';
import { type RegistrationTestBed, startRegistrationTestBed } from '../../test/support/time-skipping';
import { claimUpdate, decideUpdate } from '../shared/human-task/definitions';
import { eventually } from '../registration/registration.fixtures';
import { grantStatusQuery } from '../grant/definitions';
import { fakeScienceService, registrant, sciOfficer1, unregistered } from '../grant/grant.fixtures';
import { grantWorkflowId, type MakerSpaceStatus, makerSpaceStatusQuery } from './definitions';
import { makerSpaceRecognitionWorkflow } from './maker-space.workflow';
import { terminateWhenIdle } from '../../test/support/terminate-when-idle';

jest.setTimeout(120_000);

type Handle = WorkflowHandle<typeof makerSpaceRecognitionWorkflow>;
const on = new Date('2026-11-30T00:00:00+08:00');
const strong: MakerSpaceFigures = {
  monthsInOperation: 24,
  floorAreaM2: 800,
  workstations: 60,
  residentTeams: 25,
  mentors: 8,
  eventsPerYear: 20,
};

describe(`${makerSpaceRecognitionWorkflow.name} on the time-skipping server`, () => {
  const service = fakeScienceService();
  const workflowQueue = uniqueId('maker-space-workflows');
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, service.activities, TaskQueue.ScienceCommission);
  });
  afterAll(() => testBed?.stop());

  async function start(figures: MakerSpaceFigures, creditCode = '91110112MA01MAKR1X') {
    const caseId = uniqueId('maker-space');
    const programmes = grantProgrammes.at(on);
    const programme = recognitionProgramme(programmes.value, 'national');
    const handle = await testBed.client.workflow.start(makerSpaceRecognitionWorkflow, {
      taskQueue: workflowQueue,
      workflowId: `maker-space-${caseId}`,
      args: [
        {
          caseId,
          applicant: registrant,
          creditCode,
          level: 'national',
          figures,
          criteria: { version: makerSpaceCriteria.at(on).version, value: makerSpaceCriteria.at(on).value },
          reviewPeriod: { workingDays: 5 },
          grant: {
            caseId: uniqueId('grant'),
            programme,
            programmeVersion: programmes.version,
            amountFen: recognitionGrantFen(makerSpaceGrantPolicies.at(on).value, 'national'),
          },
          timeScale: 1,
        },
      ],
    });
    return { caseId, handle };
  }
  const reaching = (handle: Handle, accept: (s: MakerSpaceStatus) => boolean) =>
    eventually(() => handle.query(makerSpaceStatusQuery), accept);
  async function claimed(handle: Handle) {
    const { openTask } = await reaching(handle, (s) => s.openTask?.kind === 'maker-space-review');
    const taskId = openTask!.taskId;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: sciOfficer1 }] });
    return taskId;
  }
  const failureOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('not refused');
      },
      (error: { cause?: { type?: string; message?: string } }) => error.cause,
    );

  it('recognises, publishes the exemption start, and starts the 500,000-yuan grant as its own case (events counted)', async () => {
    const { caseId, handle } = await start(strong);
    const taskId = await claimed(handle);
    await handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: sciOfficer1, outcome: 'approve' }] });
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'recognised', failedCriteria: [] });
    const { recognisedAt, exemptionStartsOn, grantCaseId } = result.recognition!;
    expect(exemptionStartsOn).toBe(firstDayOfNextChinaMonth(new Date(recognisedAt)));
    expect(service.callsFor(caseId).recordMakerSpaceFact).toMatchObject([
      { type: 'MakerSpaceApplied' },
      { type: 'MakerSpaceRecognized', actor: sciOfficer1, data: { level: 'national', exemptionStartsOn } },
    ]);
    const grant = testBed.client.workflow.getHandle(grantWorkflowId(grantCaseId));
    const grantStatus = await eventually(
      () => grant.query(grantStatusQuery),
      (s) => s.status === 'under-review',
    );
    expect(grantStatus).toMatchObject({ programmeCode: 'MS-NATIONAL-ONE-OFF', amountFen: 50_000_000 });
    expect(grantStatus.openTasks.map((t) => t.kind)).toEqual(['grant-review']);
    const history = await handle.fetchHistory();
    console.log(`maker-space recognition history events (recognised): ${history.events?.length}`);
    expect(history.events?.length).toBeLessThanOrEqual(70); // 67 when measured (2026-11-29)
    await terminateWhenIdle(grant, 'test over');
  });

  it('lists each failing criterion and refuses an approval while one fails', async () => {
    const { handle } = await start({ ...strong, monthsInOperation: 12, residentTeams: 15 });
    const { failedCriteria } = await reaching(handle, (s) => s.status === 'under-review');
    expect(failedCriteria.map((f) => f.code)).toEqual(['months-in-operation', 'resident-teams']);
    const taskId = await claimed(handle);

    const refused = await failureOf(
      handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: sciOfficer1, outcome: 'approve' }] }),
    );
    expect(refused).toMatchObject({
      type: 'CriteriaNotMet',
      message: '不符合认定条件：运营时间满18个月；入驻创业团队和初创企业不少于20个',
    });
    const reason = '运营时间及入驻团队数量不符合国家级众创空间备案条件';
    await handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: sciOfficer1, outcome: 'reject', reason }] });
    expect(await handle.result()).toMatchObject({ status: 'rejected', review: { reason } });
  });

  it('refuses an applicant that is not a registered, live enterprise, saying why', async () => {
    const { handle } = await start(strong, unregistered);
    expect(await handle.result()).toMatchObject({
      status: 'refused',
      refusal: { type: 'NotALiveEnterprise', message: `统一社会信用代码 ${unregistered} 未在登记机关登记` },
    });
  });
});
