import { MockActivityEnvironment } from '@temporalio/testing';
import type { AssessmentResultRecord } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ScienceActivitiesService } from '../activities/science-activities.service';
import { makerSpaceStreamId } from '../activities/stable-event-id';
import { ScienceMigrations } from '../database/science.migrations';
import { Enterprises } from '../enterprises/enterprises';
import { GrantHolds } from '../grants/grant-holds';
import { VoucherHolds } from '../vouchers/voucher-holds';
import { AssessmentActivitiesService } from './assessment-activities.service';
import { MakerSpaces } from './maker-spaces';

jest.setTimeout(60000);

describe(AssessmentActivitiesService.name, () => {
  let database: TestDatabase;
  let store: EventStore;
  let assessments: ReturnType<AssessmentActivitiesService['activities']>;
  const env = new MockActivityEnvironment();
  const creditCode = '91110112MA01ASSE1X';
  const caseId = 'ms-assessed';
  const result = (year: number, outcome: 'passed' | 'failed'): AssessmentResultRecord => ({
    idempotencyKey: `${caseId}:assessment-report:${year}:result`,
    caseId,
    year,
    outcome,
    ...(outcome === 'failed' && { failure: 'report-missing' as const }),
    policyVersion: 'assessment-2018',
    at: `${year + 1}-03-01T02:00:00.000Z`,
    data: {},
  });

  beforeAll(async () => {
    database = await createTestDatabase('science_assessments', 4);
    await new ScienceMigrations(database.pool).onModuleInit();
    store = new EventStore(database.pool);
    const enterprises = new Enterprises(database.pool);
    await enterprises.recordLicensed(database.pool, {
      creditCode,
      enterpriseName: '北京通州考核创客空间有限公司',
      registrantId: 'registrant1',
      caseId: 'license-case',
      licensedAt: new Date('2020-01-01T00:00:00Z'),
    });
    const makerSpaces = new MakerSpaces(database.pool);
    const science = new ScienceActivitiesService(
      store,
      enterprises,
      new GrantHolds(database.pool),
      new VoucherHolds(database.pool),
      makerSpaces,
    );
    await env.run(science.activities().recordMakerSpaceFact, {
      idempotencyKey: `${caseId}:fact:2`,
      caseId,
      type: 'MakerSpaceRecognized' as const,
      actor: { id: 'sci-officer1', role: 'science-officer' as const, department: 'science-commission' as const },
      reason: '符合认定条件',
      at: '2020-06-01T02:00:00.000Z',
      data: { creditCode, level: 'municipal', exemptionStartsOn: '2020-07-01' },
    });
    assessments = new AssessmentActivitiesService(store, makerSpaces).activities();
  });
  afterAll(() => database?.drop());

  it('lists a recognised maker space with its owner, the enterprise registrant', async () => {
    expect(await env.run(assessments.listRecognisedMakerSpaces, { asOf: '2021-01-15T00:00:00Z' })).toEqual([
      {
        caseId,
        creditCode,
        enterpriseName: '北京通州考核创客空间有限公司',
        ownerId: 'registrant1',
        level: 'municipal',
      },
    ]);
    expect(await env.run(assessments.listRecognisedMakerSpaces, { asOf: '2020-01-15T00:00:00Z' })).toEqual([]);
  });

  it('records the owner’s filed report once however often the activity is retried', async () => {
    const fact = {
      idempotencyKey: `${caseId}:assessment-report:2019:filed`,
      caseId,
      type: 'MakerSpaceAssessmentReportFiled' as const,
      actor: { id: 'registrant1', role: 'registrant' as const },
      reason: '报送2019年度绩效考核材料',
      at: '2020-02-01T02:00:00.000Z',
      data: { year: 2019, indicators: { trainees: 120 } },
    };
    await env.run(assessments.recordAssessmentFact, fact);
    await env.run(assessments.recordAssessmentFact, fact);
    const filed = (await store.readStream(makerSpaceStreamId(caseId))).filter(
      (e) => e.type === 'MakerSpaceAssessmentReportFiled',
    );
    expect(filed).toHaveLength(1);
  });

  it('counts failed years in a row from the stored history; a pass or a gap breaks the run; a retry stores once', async () => {
    const fails = async (year: number, outcome: 'passed' | 'failed'): Promise<number> => {
      const answer: { consecutiveFails: number } = await env.run(
        assessments.recordAssessmentResult,
        result(year, outcome),
      );
      return answer.consecutiveFails;
    };
    expect(await fails(2020, 'failed')).toBe(1);
    expect(await fails(2021, 'passed')).toBe(0);
    expect(await fails(2022, 'failed')).toBe(1);
    expect(await fails(2022, 'failed')).toBe(1);
    expect(await fails(2023, 'failed')).toBe(2);
    expect(await fails(2025, 'failed')).toBe(1);
    const types = (await store.readStream(makerSpaceStreamId(caseId))).map((e) => e.type);
    expect(types.filter((t) => /^MakerSpaceAssessment(Passed|Failed)$/.test(t))).toHaveLength(5);
  });

  it('revokes once, publishing MakerSpaceRecognitionRevoked, and the space leaves the next assessment', async () => {
    const revocation = {
      idempotencyKey: `${caseId}:assessment-report:2023:revoked`,
      caseId,
      year: 2023,
      consecutiveFails: 2,
      exemptionEndsOn: '2024-04-01',
      reason: '连续2年度考核不合格，撤销众创空间认定',
      at: '2024-03-05T02:00:00.000Z',
    };
    await env.run(assessments.revokeRecognition, revocation);
    await env.run(assessments.revokeRecognition, revocation);
    const revoked = (await store.readStream(makerSpaceStreamId(caseId))).filter(
      (e) => e.type === 'MakerSpaceRecognitionRevoked',
    );
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({
      data: { caseId, creditCode, year: 2023, consecutiveFails: 2, exemptionEndsOn: '2024-04-01' },
      metadata: {
        actor: { id: 'maker-space-assessment' },
        correlationId: caseId,
        causationId: revocation.idempotencyKey,
      },
    });
    expect(await env.run(assessments.listRecognisedMakerSpaces, { asOf: '2025-01-15T00:00:00Z' })).toEqual([]);
  });
});
