import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { Actor, PermitAppliedV1, PermitFact, RecordPermitFactInput } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { PlatformModule } from '@govflow/platform';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { permitStreamId } from '../permit-case/permit-case-register';
import { PermitsCoreModule } from '../permits-core.module';
import { PermitActivitiesService } from './permit-activities.service';

const owner: Actor = { id: 'owner-zhang', role: 'registrant' };
const officer: Actor = { id: 'food-officer1', role: 'permit-officer', department: 'market-regulation' };

const applied = (caseId: string, creditCode: string, permitCode: string, nameZh: string): PermitAppliedV1 => ({
  caseId,
  creditCode,
  permitCode,
  enterpriseName: '北京星河餐饮有限公司',
  nameZh,
  authority: 'market-regulation',
  route: permitCode.endsWith('filing') ? 'filing' : 'standard',
  catalogueVersion: 'catalogue-v2',
  materials: { applicationForm: '申请书.pdf' },
  applicant: owner,
  appliedAt: '2026-11-30T02:00:00.000Z',
});

describe(PermitActivitiesService.name, () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let sut: ReturnType<PermitActivitiesService['activities']>;
  let store: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase('permits_activities', 4);
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({
          service: uniqueId('permits-test'),
          databaseUrl: database.url,
          kafkaBrokers: servers.kafkaBrokers,
          temporalAddress: servers.temporalAddress,
          temporalNamespace: servers.temporalNamespace,
          timeScale: 1,
        }),
        PermitsCoreModule,
      ],
    }).compile();
    app = await moduleRef.init();
    sut = app.get(PermitActivitiesService).activities();
    store = app.get(EventStore);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const run = (caseId: string, input: RecordPermitFactInput) =>
    new MockActivityEnvironment(
      { workflowExecution: { workflowId: `permit-${caseId}`, runId: 'run-1' } },
      { logger: new DefaultLogger('ERROR') },
    ).run(sut.recordPermitFact, input);
  const record = (key: string, fact: PermitFact, by: Actor | null = owner, reason = '申请') =>
    run(fact.caseId, { idempotencyKey: key, fact, by, reason });
  const refusalOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('recorded');
      },
      (error: { type?: string; nonRetryable?: boolean; message: string }) => error,
    );

  it('records each fact once on permit-<caseId>, with who, why and the workflow', async () => {
    const caseId = uniqueId('p');
    const fact = {
      type: 'PermitApplied' as const,
      ...applied(caseId, uniqueId('91'), 'food-business-permit', '食品经营许可'),
    };
    await record(`${caseId}:apply`, fact);
    await record(`${caseId}:apply`, fact); // an activity retry
    const events = await store.readStream(permitStreamId(caseId));
    expect(events.map((e) => e.type)).toEqual(['PermitApplied']);
    expect(events[0]?.metadata).toMatchObject({
      actor: owner,
      reason: '申请',
      correlationId: caseId,
      causationId: `${caseId}:apply`,
      workflow: { workflowId: `permit-${caseId}`, runId: 'run-1' },
    });
  });

  it('refuses a second open case for the same item, and takes one once the first is decided', async () => {
    const creditCode = uniqueId('91');
    const [first, second, third] = [uniqueId('p'), uniqueId('p'), uniqueId('p')];
    await record(`${first}:apply`, {
      type: 'PermitApplied',
      ...applied(first, creditCode, 'road-freight-permit', '道路运输经营许可（普通货运）'),
    });
    const refused = await refusalOf(
      record(`${second}:apply`, {
        type: 'PermitApplied',
        ...applied(second, creditCode, 'road-freight-permit', '道路运输经营许可（普通货运）'),
      }),
    );
    expect(refused).toMatchObject({ type: 'PermitCaseOpen', nonRetryable: true });
    expect(refused.message).toContain(first);
    expect(await store.readStream(permitStreamId(second))).toEqual([]);

    const refusedFact = { caseId: first, creditCode, permitCode: 'road-freight-permit', because: 'decision' as const };
    await record(
      `${first}:refuse`,
      {
        type: 'PermitRefused',
        ...refusedFact,
        reason: '车辆不符合要求',
        refusedBy: officer,
        refusedAt: '2026-12-01T02:00:00.000Z',
      },
      officer,
      '车辆不符合要求',
    );
    await record(`${third}:apply`, {
      type: 'PermitApplied',
      ...applied(third, creditCode, 'road-freight-permit', '道路运输经营许可（普通货运）'),
    });
    expect((await store.readStream(permitStreamId(third))).map((e) => e.type)).toEqual(['PermitApplied']);
  });

  it('never asks for the pre-packaged filing once the food business permit is granted', async () => {
    const creditCode = uniqueId('91');
    const food = uniqueId('p');
    await record(`${food}:apply`, {
      type: 'PermitApplied',
      ...applied(food, creditCode, 'food-business-permit', '食品经营许可'),
    });
    const grant = { caseId: food, creditCode, permitCode: 'food-business-permit', route: 'standard' as const };
    await record(
      `${food}:grant`,
      {
        type: 'PermitGranted',
        ...grant,
        permitNumber: 'JY1',
        grantedBy: officer,
        grantedAt: '2026-12-01T02:00:00.000Z',
        validUntil: '2031-12-01T16:00:00.000Z',
        lastValidDay: '2031-12-01',
      },
      officer,
      '准予许可',
    );
    const filing = uniqueId('p');
    const refused = await refusalOf(
      record(`${filing}:apply`, {
        type: 'PermitApplied',
        ...applied(filing, creditCode, 'prepackaged-food-filing', '仅销售预包装食品备案'),
      }),
    );
    expect(refused).toMatchObject({ type: 'CoveredByOtherPermit' });
    expect(refused.message).toBe('企业已取得食品经营许可，无需另行办理仅销售预包装食品备案');
  });

  it('stores a task event once, on the task stream the gateway inbox reads', async () => {
    const caseId = uniqueId('p');
    const taskRecord = {
      eventId: `${caseId}:materials#1`,
      taskId: `${caseId}:materials`,
      caseId,
      kind: 'permit-materials',
      event: { type: 'lapsed' as const, reason: '逾期未告知补正', sequence: 1, at: '2026-12-07T16:00:00.000Z' },
      workflow: { workflowId: `permit-${caseId}`, runId: 'run-1' },
    };
    await sut.recordTaskEvent(taskRecord);
    await sut.recordTaskEvent(taskRecord);
    const events = await store.readStream(`task-${caseId}:materials`);
    expect(events.map((e) => [e.type, e.metadata.actor.id])).toEqual([['TaskLapsed', 'workflow']]);
  });
});
