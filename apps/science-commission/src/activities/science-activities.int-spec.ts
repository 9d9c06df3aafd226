import { VoucherHolds } from '../vouchers/voucher-holds';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { GrantFact, GrantHoldInput } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ScienceMigrations } from '../database/science.migrations';
import { MakerSpaces } from '../assessments/maker-spaces';
import { Enterprises } from '../enterprises/enterprises';
import { GrantHolds } from '../grants/grant-holds';
import { ScienceActivitiesService } from './science-activities.service';
import { grantStreamId } from './stable-event-id';

jest.setTimeout(60000);

describe(ScienceActivitiesService.name, () => {
  let database: TestDatabase;
  let store: EventStore;
  let activities: ReturnType<ScienceActivitiesService['activities']>;
  const env = new MockActivityEnvironment();
  const live = '91110112MA01LIVE1X';
  const hold = (creditCode: string, caseId: string): GrantHoldInput => ({
    idempotencyKey: `${caseId}:hold`,
    caseId,
    programmeCode: 'MS-NATIONAL-ONE-OFF',
    creditCode,
    amountFen: 50_000_000,
    budgetFen: 5_000_000_00,
    at: '2026-11-30T02:00:00.000Z',
  });
  const failureType = (attempt: Promise<unknown>) =>
    attempt.then(
      () => 'held',
      (error: { type?: string }) => error.type,
    );

  beforeAll(async () => {
    database = await createTestDatabase('science_activities', 4);
    await new ScienceMigrations(database.pool).onModuleInit();
    store = new EventStore(database.pool);
    const enterprises = new Enterprises(database.pool);
    await enterprises.recordLicensed(database.pool, {
      creditCode: live,
      enterpriseName: '北京通州创客空间有限公司',
      registrantId: 'registrant1',
      caseId: 'license-case',
      licensedAt: new Date('2025-01-01T00:00:00Z'),
    });
    activities = new ScienceActivitiesService(
      store,
      enterprises,
      new GrantHolds(database.pool),
      new VoucherHolds(database.pool),
      new MakerSpaces(database.pool),
    ).activities();
  });
  afterAll(() => database?.drop());

  it('refuses an applicant the science commission does not know as a live enterprise, by a typed failure', async () => {
    expect(await failureType(env.run(activities.holdGrant, hold('91110112MA01NONE1X', 'c-1')))).toBe(
      'NotALiveEnterprise',
    );
    expect(await failureType(env.run(activities.holdGrant, hold(live, 'c-2')))).toBe('held');
    expect(await failureType(env.run(activities.holdGrant, hold(live, 'c-3')))).toBe('AlreadyFundedUnderProgramme');
    const byStranger = { ...hold(live, 'c-4'), programmeCode: 'OTHER', applicantId: 'registrant2' };
    expect(await failureType(env.run(activities.holdGrant, byStranger))).toBe('NotEnterpriseOwner');
  });

  it('records a grant fact once however often the activity is retried', async () => {
    const fact: GrantFact = {
      idempotencyKey: 'c-2:fact:1',
      caseId: 'c-2',
      type: 'GrantApplied',
      actor: { id: 'registrant1', role: 'registrant' },
      reason: '申请资金支持',
      at: '2026-11-30T02:00:00.000Z',
      data: { amountFen: 50_000_000 },
    };
    await env.run(activities.recordGrantFact, fact);
    await env.run(activities.recordGrantFact, fact);

    const stream = await store.readStream(grantStreamId('c-2'));
    expect(stream).toHaveLength(1);
    expect(stream[0]).toMatchObject({
      type: 'GrantApplied',
      data: { caseId: 'c-2', amountFen: 50_000_000 },
      metadata: { reason: '申请资金支持', correlationId: 'c-2', causationId: 'c-2:fact:1' },
    });
  });
});
