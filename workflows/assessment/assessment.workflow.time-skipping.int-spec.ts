import { TaskQueue } from '../../libs/contracts/src/task-queues';
import type { RecognisedMakerSpace } from '../../libs/contracts/src/science/assessment';
import { assessmentPolicyOfYear } from '../../libs/policy/src/maker-space/assessment-policy';
import { chinaIsoDate } from '../../libs/policy/src/china-calendar';
import { firstDayOfNextChinaMonth } from '../../libs/policy/src/maker-space/tax-exemption';
import { uniqueId } from '../../test/support/servers';
import { type RegistrationTestBed, startRegistrationTestBed } from '../../test/support/time-skipping';
import { claimUpdate, decideUpdate } from '../shared/human-task/definitions';
import { eventually } from '../registration/registration.fixtures';
import { registrant, sciOfficer1 } from '../grant/grant.fixtures';
import { fakeAssessmentService, makerSpace } from './assessment.fixtures';
import { assessmentYearWorkflow, scheduledAssessmentWorkflow } from './assessment-year.workflow';
import {
  assessmentReportUpdate,
  assessmentYearWorkflowId,
  makerSpaceAssessmentStatusQuery,
  makerSpaceAssessmentWorkflowId,
} from './definitions';
import { makerSpaceAssessmentWorkflow } from './maker-space-assessment.workflow';
import { terminateWhenIdle } from '../../test/support/terminate-when-idle';

jest.setTimeout(120_000);

const policy2024 = assessmentPolicyOfYear(2024);
const policy = { version: policy2024.version, value: policy2024.value };
const passing = { ...policy2024.value.thresholds };
const belowThresholds = { ...passing, trainees: 12 };

describe('maker-space annual assessment on the time-skipping server', () => {
  const spaceA = makerSpace();
  const spaceB = makerSpace();
  const service = fakeAssessmentService([spaceA, spaceB]);
  const workflowQueue = uniqueId('assessment-workflows');
  let testBed: RegistrationTestBed;

  beforeAll(async () => {
    testBed = await startRegistrationTestBed(workflowQueue, service.activities, TaskQueue.ScienceCommission);
  });
  afterAll(() => testBed?.stop());

  const spaceHandle = (year: number, space: RecognisedMakerSpace) =>
    testBed.client.workflow.getHandle<typeof makerSpaceAssessmentWorkflow>(
      makerSpaceAssessmentWorkflowId(year, space.caseId),
    );
  const awaitingReport = (year: number, space: RecognisedMakerSpace) =>
    eventually(
      // The year's run may not have started the maker space's case yet.
      () =>
        spaceHandle(year, space)
          .query(makerSpaceAssessmentStatusQuery)
          .catch(() => undefined),
      (s) => s?.status === 'awaiting-report',
    ).then((s) => s!);
  const report = (year: number, space: RecognisedMakerSpace, indicators = passing) =>
    spaceHandle(year, space).executeUpdate(assessmentReportUpdate, { args: [{ actor: registrant, indicators }] });
  async function guide(year: number, space: RecognisedMakerSpace) {
    const handle = spaceHandle(year, space);
    const { openTask } = await eventually(
      () => handle.query(makerSpaceAssessmentStatusQuery),
      (s) => s.openTask?.kind === 'assessment-guidance',
    );
    const taskId = openTask!.taskId;
    await handle.executeUpdate(claimUpdate, { args: [{ taskId, actor: sciOfficer1 }] });
    const reason = '已约谈并提出整改指导意见';
    await handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: sciOfficer1, outcome: 'approve', reason }] });
  }
  /** Past a report's deadline, which a weekend or holiday may have moved beyond its 30 days. */
  const sleepPast = async (due: { dueAt: string }) =>
    testBed.env.sleep(Date.parse(due.dueAt) - (await testBed.env.currentTimeMs()) + 60_000);
  /** One maker space's year on its own, the owner reporting `indicators` or (undefined) missing the deadline. */
  async function assess(year: number, space: RecognisedMakerSpace, indicators?: typeof passing) {
    const handle = await testBed.client.workflow.start(makerSpaceAssessmentWorkflow, {
      taskQueue: workflowQueue,
      workflowId: makerSpaceAssessmentWorkflowId(year, space.caseId),
      args: [{ year, makerSpace: space, policy, timeScale: 1 }],
    });
    const { report: task } = await awaitingReport(year, space);
    if (indicators) await report(year, space, indicators);
    else await sleepPast(task.due);
    const status = await eventually(
      () => handle.query(makerSpaceAssessmentStatusQuery),
      (s) => s.status !== 'awaiting-report',
    );
    if (status.status === 'failed') await guide(year, space);
    return { handle, result: await handle.result() };
  }

  it('runs a year: a filed report passes, a missed one fails with a guidance task (history counted)', async () => {
    const year = 2024;
    const run = await testBed.client.workflow.start(assessmentYearWorkflow, {
      taskQueue: workflowQueue,
      workflowId: assessmentYearWorkflowId(year),
      args: [{ year, policy, startedBy: { id: 'admin', role: 'system' } as never, timeScale: 1 }],
    });
    const due = (await awaitingReport(year, spaceA)).report.due;
    expect(due.legalDueAt > due.from).toBe(true);
    const dueB = (await awaitingReport(year, spaceB)).report.due;
    const refused = await report(year, spaceA, { ...passing, trainees: -1 }).catch((e: { cause?: unknown }) => e.cause);
    expect(refused).toMatchObject({
      type: 'MalformedRequest',
      message: expect.stringContaining('indicators.trainees'),
    });
    await report(year, spaceA);
    await sleepPast(dueB);
    await guide(year, spaceB);
    const result = await run.result();

    expect(result.makerSpaces).toMatchObject([
      { caseId: spaceA.caseId, status: 'passed', outcome: 'passed' },
      { caseId: spaceB.caseId, status: 'failed', outcome: 'failed' },
    ]);
    const missed = await spaceHandle(year, spaceB).result();
    expect(missed).toMatchObject({ failure: 'report-missing', consecutiveFails: 1 });
    expect(service.revocations).toEqual([]);
    const late = await report(year, spaceB).catch((e: { cause?: unknown }) => e);
    expect(late).toBeInstanceOf(Error);
    const yearEvents = (await run.fetchHistory()).events?.length ?? 0;
    const spaceEvents = (await spaceHandle(year, spaceB).fetchHistory()).events?.length ?? 0;
    console.log(`assessment history events: year run ${yearEvents}, failed maker space ${spaceEvents}`);
    expect(yearEvents).toBeLessThanOrEqual(40);
    expect(spaceEvents).toBeLessThanOrEqual(60);
  });

  it('revokes after the 2nd consecutive failed year, not after the 1st, ending the exemption next month', async () => {
    const space = makerSpace();
    const first = await assess(2030, space, belowThresholds);
    expect(first.result).toMatchObject({ status: 'failed', failure: 'below-thresholds', consecutiveFails: 1 });
    expect(first.result.failedIndicators).toMatchObject([{ indicator: 'trainees', required: 100, reported: 12 }]);
    const second = await assess(2031, space);
    expect(second.result).toMatchObject({ status: 'revoked', failure: 'report-missing', consecutiveFails: 2 });
    const { revokedAt, exemptionEndsOn } = second.result.revocation!;
    expect(exemptionEndsOn).toBe(firstDayOfNextChinaMonth(new Date(revokedAt)));
    expect(service.revocations).toMatchObject([{ caseId: space.caseId, year: 2031, consecutiveFails: 2 }]);
  });

  it('does not revoke after fail, pass, fail', async () => {
    const space = makerSpace();
    await assess(2040, space);
    expect((await assess(2041, space, passing)).result.status).toBe('passed');
    expect((await assess(2042, space, belowThresholds)).result).toMatchObject({
      status: 'failed',
      consecutiveFails: 1,
    });
    expect(service.revocations.filter((r) => r.caseId === space.caseId)).toEqual([]);
  });

  it('the schedule starts the previous calendar year, once', async () => {
    const start = () =>
      testBed.client.workflow.execute(scheduledAssessmentWorkflow, {
        taskQueue: workflowQueue,
        workflowId: uniqueId('assessment-schedule'),
        args: [{ timeScale: 1 }],
      });
    const serverNow = new Date(await testBed.env.currentTimeMs());
    const previousYear = Number(chinaIsoDate(serverNow).slice(0, 4)) - 1;
    expect(await start()).toEqual({ year: previousYear, started: true });
    expect(await start()).toEqual({ year: previousYear, started: false });
    const run = testBed.client.workflow.getHandle(assessmentYearWorkflowId(previousYear));
    expect((await run.describe()).type).toBe('assessmentYearWorkflow');
    await terminateWhenIdle(run, 'test over');
  });
});
