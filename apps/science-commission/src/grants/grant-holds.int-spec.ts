import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ScienceMigrations } from '../database/science.migrations';
import { GrantHolds } from './grant-holds';

jest.setTimeout(60000);

describe(GrantHolds.name, () => {
  let database: TestDatabase;
  let holds: GrantHolds;
  const at = new Date('2026-12-01T02:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase('science_holds', 30);
    await new ScienceMigrations(database.pool).onModuleInit();
    holds = new GrantHolds(database.pool);
  });
  afterAll(() => database?.drop());

  it('accepts exactly one of 20 concurrent applications of one entity to one programme', async () => {
    const request = (i: number) => ({
      caseId: `once-${i}`,
      programmeCode: 'ONCE',
      creditCode: '91110112MA01ABCD1X',
      amountFen: 100_00,
      budgetFen: 10_000_000_00,
    });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => holds.hold(request(i), at)));

    expect(answers.filter((a) => a.held)).toHaveLength(1);
    expect(answers.filter((a) => !a.held && a.code === 'already-funded-under-programme')).toHaveLength(19);
    expect(await holds.budget('ONCE')).toEqual({ budgetFen: 10_000_000_00, heldFen: 100_00 });
  });

  it('never holds more than the budget under 25 concurrent applications of different entities', async () => {
    const budgetFen = 1_000_000_00; // room for exactly 3 grants of 300,000 yuan
    const request = (i: number) => ({
      caseId: `budget-${i}`,
      programmeCode: 'BUDGET',
      creditCode: `ENTERPRISE-${i}`,
      amountFen: 300_000_00,
      budgetFen,
    });
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => holds.hold(request(i), at)));

    expect(answers.filter((a) => a.held)).toHaveLength(3);
    expect(answers.filter((a) => !a.held && a.code === 'programme-budget-exhausted')).toHaveLength(22);
    const { rows } = await database.pool.query<{ total: string }>(
      `SELECT sum(amount_fen) AS total FROM science.grant_holds WHERE programme_code = 'BUDGET' AND released_at IS NULL`,
    );
    expect(Number(rows[0]?.total)).toBe(900_000_00);
    expect(await holds.budget('BUDGET')).toEqual({ budgetFen, heldFen: 900_000_00 });
  });

  it('answers held again for the same case, and frees entity and budget when the hold is released', async () => {
    const request = { caseId: 'again', programmeCode: 'AGAIN', creditCode: 'X', amountFen: 500_00, budgetFen: 500_00 };
    expect(await holds.hold(request, at)).toEqual({ held: true });
    expect(await holds.hold(request, at)).toEqual({ held: true });
    expect(await holds.hold({ ...request, caseId: 'again-2' }, at)).toMatchObject({
      held: false,
      code: 'already-funded-under-programme',
    });

    await holds.release('again', 'objection-upheld', at);
    await holds.release('again', 'objection-upheld', at);

    expect(await holds.budget('AGAIN')).toEqual({ budgetFen: 500_00, heldFen: 0 });
    expect(await holds.hold({ ...request, caseId: 'again-2' }, at)).toEqual({ held: true });
  });
});
