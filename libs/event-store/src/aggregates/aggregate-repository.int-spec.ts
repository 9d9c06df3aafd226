import { Inject, Injectable } from '@nestjs/common';
import {
  AggregateRoot,
  CommandBus,
  CommandHandler,
  CqrsModule,
  EventBus,
  EventPublisher,
  type ICommandHandler,
  type IEvent,
} from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { AggregateRepository, type AggregateDefinition, EventStore, migrate } from '@govflow/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { metadataFor } from '../../../../test/support/event-fixtures';

class GrantApplied {
  constructor(
    readonly caseId: string,
    readonly space: string,
  ) {}
}
class ScoreRecorded {
  constructor(
    readonly expert: string,
    readonly score: number,
  ) {}
}
class GrantApproved {
  static readonly schemaVersion = 2;
  constructor(readonly amountYuan: number) {}
}

class GrantCase extends AggregateRoot {
  status = 'none';
  space = '';
  scores: number[] = [];
  amountYuan = 0;
  restoredFromVersion?: number;

  constructor(readonly id: string) {
    super();
  }
  apply_(space: string) {
    this.apply(new GrantApplied(this.id, space));
  }
  score(expert: string, score: number) {
    if (this.status !== 'applied') throw new Error(`cannot score a ${this.status} case`);
    this.apply(new ScoreRecorded(expert, score));
  }
  approve(amountYuan: number) {
    this.apply(new GrantApproved(amountYuan));
  }
  onGrantApplied(e: GrantApplied) {
    this.status = 'applied';
    this.space = e.space;
  }
  onScoreRecorded(e: ScoreRecorded) {
    this.scores = [...this.scores, e.score];
  }
  onGrantApproved(e: GrantApproved) {
    this.status = 'approved';
    this.amountYuan = e.amountYuan;
  }
  get state() {
    return { status: this.status, space: this.space, scores: this.scores, amountYuan: this.amountYuan };
  }
}

const plain: AggregateDefinition<GrantCase> = {
  streamId: (id) => `grant-case-${id}`,
  create: (id) => new GrantCase(id),
  events: [GrantApplied, ScoreRecorded, GrantApproved],
};
const snapshotted: AggregateDefinition<GrantCase> = {
  ...plain,
  snapshots: {
    every: 5,
    schemaVersion: 1,
    take: (grant) => grant.state,
    restore: (grant, state) => Object.assign(grant, state, { restoredFromVersion: -1 }),
  },
};

class RecordScores {
  constructor(
    readonly caseId: string,
    readonly scores: number[],
    readonly failAfterSave = false,
  ) {}
}
const GRANTS = Symbol('GRANTS');

@Injectable()
@CommandHandler(RecordScores)
class RecordScoresHandler implements ICommandHandler<RecordScores> {
  constructor(
    @Inject(GRANTS) private readonly grants: AggregateRepository<GrantCase>,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  execute(command: RecordScores): Promise<void> {
    return this.store.transaction(async (db) => {
      const grant = (await this.grants.load(command.caseId)) ?? this.grants.create(command.caseId);
      if (grant.status === 'none') grant.apply_('maker-space-1');
      command.scores.forEach((score, i) => grant.score(`expert-${i}`, score));
      await db.query('INSERT INTO review_log (case_id, scores) VALUES ($1, $2)', [
        command.caseId,
        command.scores.length,
      ]);
      await this.grants.save(grant, metadataFor());
      if (command.failAfterSave) throw new Error('handler failed after saving');
    });
  }
}

describe(AggregateRepository.name, () => {
  let database: TestDatabase;
  let store: EventStore;
  let commandBus: CommandBus;
  let published: IEvent[];
  let sut: AggregateRepository<GrantCase>;

  beforeAll(async () => {
    database = await createTestDatabase('es_aggregate');
    await migrate(database.pool);
    await database.pool.query('CREATE TABLE review_log (case_id text, scores int)');
    store = new EventStore(database.pool);
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        RecordScoresHandler,
        { provide: EventStore, useValue: store },
        {
          provide: GRANTS,
          useFactory: (publisher: EventPublisher) => new AggregateRepository(store, snapshotted, publisher),
          inject: [EventPublisher],
        },
      ],
    }).compile();
    await moduleRef.init();
    commandBus = moduleRef.get(CommandBus);
    moduleRef.get(EventBus).subscribe((event) => published.push(event));
    sut = moduleRef.get(GRANTS);
  });
  beforeEach(() => (published = []));
  afterAll(() => database.drop());

  it('saves with the loaded version and replays the stream into the aggregate', async () => {
    const grant = sut.create('a1');
    grant.apply_('maker-space-9');
    grant.score('expert-1', 80);
    await sut.save(grant, metadataFor());
    grant.approve(300000);
    await sut.save(grant, metadataFor());

    const loaded = await sut.load('a1');

    expect(loaded?.state).toEqual({ status: 'approved', space: 'maker-space-9', scores: [80], amountYuan: 300000 });
    expect((await store.readStream('grant-case-a1')).map((e) => [e.type, e.schemaVersion])).toEqual([
      ['GrantApplied', 1],
      ['ScoreRecorded', 1],
      ['GrantApproved', 2],
    ]);
    expect(published.map((e) => e.constructor.name)).toEqual(['GrantApplied', 'ScoreRecorded', 'GrantApproved']);
    expect(await sut.load('nobody')).toBeUndefined();
  });

  it('refuses to save an aggregate loaded at a stale version', async () => {
    const first = sut.create('a2');
    first.apply_('maker-space-1');
    await sut.save(first, metadataFor());
    const [one, two] = [await sut.load('a2'), await sut.load('a2')];
    one!.score('e', 1);
    await sut.save(one!, metadataFor());
    two!.score('e', 2);

    await expect(sut.save(two!, metadataFor())).rejects.toThrow(/expected 1/);
  });

  it('runs a command handler in one transaction with its appends, and publishes only after commit', async () => {
    await commandBus.execute(new RecordScores('h1', [70, 90]));
    expect(published.map((e) => e.constructor.name)).toEqual(['GrantApplied', 'ScoreRecorded', 'ScoreRecorded']);
    published = [];

    await expect(commandBus.execute(new RecordScores('h1', [10], true))).rejects.toThrow('handler failed');

    expect(published).toEqual([]);
    expect((await sut.load('h1'))?.scores).toEqual([70, 90]);
    const { rows } = await database.pool.query('SELECT scores FROM review_log WHERE case_id = $1', ['h1']);
    expect(rows).toEqual([{ scores: 2 }]);
  });

  it('loads from the newest snapshot plus the tail exactly as a full replay does', async () => {
    const grant = sut.create('s1');
    grant.apply_('maker-space-2');
    await sut.save(grant, metadataFor());
    for (let i = 0; i < 22; i++) {
      grant.score(`expert-${i}`, i);
      if (i % 3 === 0) await sut.save(grant, metadataFor());
    }
    grant.approve(500000);
    await sut.save(grant, metadataFor());

    const fromSnapshot = await sut.load('s1');
    const fullReplay = await new AggregateRepository(store, plain).load('s1');

    const { rows } = await database.pool.query<{ version: number }>(
      'SELECT version FROM event_store.snapshots WHERE stream_id = $1 ORDER BY version',
      ['grant-case-s1'],
    );
    expect(rows.map((r) => r.version)).toEqual([5, 11, 17, 20]);
    expect(fromSnapshot?.restoredFromVersion).toBe(-1);
    expect(fullReplay?.restoredFromVersion).toBeUndefined();
    expect(fromSnapshot?.state).toEqual(fullReplay?.state);
    expect(fromSnapshot?.state).toEqual(grant.state);
  });

  it('loads the aggregate as of a version or a time, read-only', async () => {
    const grant = sut.create('t1');
    grant.apply_('maker-space-3');
    await sut.save(grant, metadataFor(), new Date('2025-01-01T00:00:00Z'));
    for (const [day, score] of [
      [2, 60],
      [3, 70],
      [4, 80],
      [5, 90],
      [6, 100],
      [7, 50],
    ] as const) {
      grant.score('expert', score);
      await sut.save(grant, metadataFor(), new Date(`2025-01-0${day}T00:00:00Z`));
    }

    const atVersion3 = await sut.loadAt('t1', { version: 3 });
    const atJan5Noon = await sut.loadAt('t1', { time: new Date('2025-01-05T12:00:00Z') });
    const atVersion6 = await sut.loadAt('t1', { version: 6 }); // from the snapshot at 5 plus one event

    expect(atVersion3?.scores).toEqual([60, 70]);
    expect(atJan5Noon?.scores).toEqual([60, 70, 80, 90]);
    expect(atVersion6?.scores).toEqual([60, 70, 80, 90, 100]);
    expect(await sut.loadAt('t1', { time: new Date('2024-12-31T00:00:00Z') })).toBeUndefined();
    atVersion3!.score('x', 1);
    await expect(sut.save(atVersion3!, metadataFor())).rejects.toThrow(/create\(\) or load\(\)/);
  });
});
