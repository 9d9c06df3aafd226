import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ScienceMigrations } from '../database/science.migrations';
import { VoucherHolds, type VoucherHoldRequest } from './voucher-holds';

jest.setTimeout(60000);

describe(VoucherHolds.name, () => {
  let database: TestDatabase;
  let holds: VoucherHolds;
  const at = new Date('2026-12-01T02:00:00Z');
  const claim = (voucherId: string, extra: Partial<VoucherHoldRequest> = {}): VoucherHoldRequest => ({
    voucherId,
    programmeCode: 'VOUCHER',
    budgetYear: 2026,
    creditCode: `ENTERPRISE-${voucherId}`,
    amountFen: 100_000_00,
    yearlyBudgetFen: 350_000_00, // room for exactly 3 vouchers of 100,000 yuan
    liveVouchersPerEnterprise: 1,
    ...extra,
  });

  beforeAll(async () => {
    database = await createTestDatabase('science_vouchers', 30);
    await new ScienceMigrations(database.pool).onModuleInit();
    holds = new VoucherHolds(database.pool);
  });
  afterAll(() => database?.drop());

  it('never holds more than the year’s budget under 25 concurrent claims, refusing the rest naming what is left', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => holds.hold(claim(`budget-${i}`), at)));

    expect(answers.filter((a) => a.held)).toHaveLength(3);
    const refused = answers.filter((a) => !a.held);
    expect(refused).toHaveLength(22);
    for (const answer of refused) {
      expect(answer).toMatchObject({ code: 'budget-exhausted', leftFen: 50_000_00 });
      expect(answer.held === false && answer.message).toContain('预算余额 50000.00 元');
    }
    const { rows } = await database.pool.query<{ total: string }>(
      `SELECT sum(amount_fen) AS total FROM science.voucher_holds WHERE programme_code = 'VOUCHER'`,
    );
    expect(Number(rows[0]?.total)).toBe(300_000_00);
    expect(await holds.budget('VOUCHER', 2026)).toEqual({ budgetFen: 350_000_00, heldFen: 300_000_00 });
  });

  it('gives one enterprise one live voucher of 10 concurrent claims, and keeps each year’s budget apart', async () => {
    const mine = (i: number) => claim(`once-${i}`, { programmeCode: 'ONCE', creditCode: 'SAME', amountFen: 100_00 });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => holds.hold(mine(i), at)));

    expect(answers.filter((a) => a.held)).toHaveLength(1);
    expect(answers.filter((a) => !a.held && a.code === 'too-many-live-vouchers')).toHaveLength(9);
    expect(await holds.budget('ONCE', 2026)).toEqual({ budgetFen: 350_000_00, heldFen: 100_00 });
    expect(await holds.hold(claim('next-year', { programmeCode: 'ONCE', budgetYear: 2027 }), at)).toEqual({
      held: true,
    });
  });

  it('answers held again for the same voucher; a release returns the unspent part once', async () => {
    const request = claim('again', { programmeCode: 'AGAIN', amountFen: 200_000_00 });
    expect(await holds.hold(request, at)).toEqual({ held: true });
    expect(await holds.hold(request, at)).toEqual({ held: true });

    await holds.release('again', 'paid', 150_000_00, at);
    await holds.release('again', 'paid', 150_000_00, at);
    expect(await holds.budget('AGAIN', 2026)).toEqual({ budgetFen: 350_000_00, heldFen: 150_000_00 });

    expect(await holds.hold(claim('again-2', { programmeCode: 'AGAIN', creditCode: request.creditCode }), at)).toEqual({
      held: true,
    });
  });
});
