import { EventStore, migrate, START_POSITION, type Upcaster } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { metadataFor } from '../../../../test/support/event-fixtures';

describe('Upcasting', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('es_upcast');
    await migrate(database.pool);
  });
  afterAll(() => database.drop());

  // v1 { amount: "500000" } → v2 { amountYuan: 500000 } → v3 { amount: { value: 500000, currency: 'CNY' } }
  const upcasters: Upcaster[] = [
    {
      type: 'GrantAwarded',
      fromSchemaVersion: 2,
      upcast: ({ amountYuan, ...rest }) => ({ ...rest, amount: { value: amountYuan, currency: 'CNY' } }),
    },
    {
      type: 'GrantAwarded',
      fromSchemaVersion: 1,
      upcast: ({ amount, ...rest }) => ({ ...rest, amountYuan: Number(amount) }),
    },
  ];

  it('gives readers the newest shape of events stored in older ones, and leaves the stored data alone', async () => {
    const oldStore = new EventStore(database.pool);
    const metadata = metadataFor();
    await oldStore.append('grant-1', 'no_stream', [
      { type: 'GrantAwarded', schemaVersion: 1, data: { space: 'maker-1', amount: '500000' }, metadata },
      { type: 'GrantAwarded', schemaVersion: 2, data: { space: 'maker-2', amountYuan: 300000 }, metadata },
      {
        type: 'GrantAwarded',
        schemaVersion: 3,
        data: { space: 'maker-3', amount: { value: 1, currency: 'CNY' } },
        metadata,
      },
      { type: 'NoticePublished', schemaVersion: 1, data: { days: 5 }, metadata },
    ]);
    const sut = new EventStore(database.pool, { upcasters });

    const fromStream = await sut.readStream('grant-1');
    const fromAll = await sut.readAll(START_POSITION, 10);

    const expected = [
      { schemaVersion: 3, data: { space: 'maker-1', amount: { value: 500000, currency: 'CNY' } } },
      { schemaVersion: 3, data: { space: 'maker-2', amount: { value: 300000, currency: 'CNY' } } },
      { schemaVersion: 3, data: { space: 'maker-3', amount: { value: 1, currency: 'CNY' } } },
      { schemaVersion: 1, data: { days: 5 } },
    ];
    expect(fromStream).toMatchObject(expected);
    expect(fromAll).toMatchObject(expected);
    expect((await oldStore.readStream('grant-1'))[0]).toMatchObject({ schemaVersion: 1, data: { amount: '500000' } });
    expect(await sut.verify('grant-1')).toEqual({ intact: true, eventsChecked: 4 });
  });
});
