import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { TaskQueue } from '@govflow/contracts';
import { PlatformModule } from '@govflow/platform';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestNamespace } from '../../../../test/support/temporal-namespace';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { TaxActivitiesService } from '../../../tax/src/tax-record/activities/tax-activities.service';
import { TaxCoreModule } from '../../../tax/src/tax-core.module';
import { TaxRecords } from '../../../tax/src/tax-record/tax-records';
import { bootGateway, type BootedGateway } from '../testing/booted-gateway';

jest.setTimeout(90_000);

describe('tax officers over HTTP (workflows and the real tax service answer)', () => {
  const creditCode = '91340600MA2PBM9HXD';
  let database: TestDatabase;
  let tax: INestApplicationContext;
  let connection: NativeConnection;
  let workers: Worker[];
  let running: Promise<unknown>;
  let gateway: BootedGateway;
  const path = (code: string, what: string) => `/api/tax/records/${code}/${what}`;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const namespace = await createTestNamespace('gw-tax');
    database = await createTestDatabase('gw_tax', 2);
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({
          service: uniqueId('tax-test'),
          databaseUrl: database.url,
          kafkaBrokers: servers.kafkaBrokers,
          temporalAddress: servers.temporalAddress,
          temporalNamespace: namespace,
          timeScale: 1,
        }),
        TaxCoreModule,
      ],
    }).compile();
    tax = await moduleRef.init();
    const records = tax.get(TaxRecords);
    await records.change(creditCode, async (record) => {
      record.openFromLicense({ caseId: 'case-1', creditCode, enterpriseName: '北京星河科技有限公司' }, new Date());
      const metadata = { actor: { id: 'tax-service', role: 'system' }, correlationId: 'case-1', causationId: 'e-1' };
      await records.save(record, metadata, new Date());
    });
    connection = await NativeConnection.connect({ address: servers.temporalAddress });
    workers = await Promise.all([
      Worker.create({
        connection,
        namespace,
        taskQueue: TaskQueue.Orchestrator,
        workflowsPath: require.resolve('../../../../workflows'),
      }),
      Worker.create({
        connection,
        namespace,
        taskQueue: TaskQueue.Tax,
        activities: tax.get(TaxActivitiesService).activities(),
      }),
    ]);
    running = Promise.all(workers.map((w) => w.run()));
    gateway = await bootGateway({ temporalNamespace: namespace });
  });
  afterAll(async () => {
    await gateway?.close();
    workers?.forEach((w) => w.shutdown());
    await running;
    await connection?.close();
    await tax?.close();
    await database?.drop();
  });

  it('records a pending matter, amounts in yuan, and then clearance that settles it', async () => {
    const matter = await gateway.post(
      path(creditCode, 'pending-matters'),
      { kind: 'arrears', amount: '1200.5', note: '欠缴增值税' },
      'tax-officer1',
    );
    expect(matter.status).toBe(201);
    expect(await matter.json()).toMatchObject({
      taxpayerId: creditCode,
      pendingMatters: [{ kind: 'arrears', amount: { amount: '1200.50', currency: 'CNY' }, note: '欠缴增值税' }],
    });
    const cleared = await gateway.post(path(creditCode, 'clearance'), { reason: '已缴清' }, 'tax-officer1');
    expect(cleared.status).toBe(201);
    const officer = await gateway.idOf('tax-officer1');
    expect(await cleared.json()).toMatchObject({
      pendingMatters: [],
      clearances: [{ reason: '已缴清', clearedBy: { id: officer, role: 'tax-officer' } }],
    });
  });

  it('answers 400 naming each bad field', async () => {
    const response = await gateway.post(
      path(creditCode, 'pending-matters'),
      { kind: 'bribes', amount: '-1', note: '' },
      'tax-officer1',
    );
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { field: string }[] };
    expect(errors.map((e) => e.field).sort()).toEqual(['amount', 'kind', 'note']);
    const clearance = await gateway.post(path(creditCode, 'clearance'), {}, 'tax-officer1');
    expect(await clearance.json()).toMatchObject({ errors: [{ field: 'reason', message: 'is required' }] });
  });

  it('answers 404 for a taxpayer without a record and 403 for anyone but a tax officer', async () => {
    expect(
      (await gateway.post(path('91110000600037341L', 'clearance'), { reason: '已缴清' }, 'tax-officer1')).status,
    ).toBe(404);
    expect((await gateway.post(path(creditCode, 'clearance'), { reason: '已缴清' }, 'reg-officer1')).status).toBe(403);
  });
});
