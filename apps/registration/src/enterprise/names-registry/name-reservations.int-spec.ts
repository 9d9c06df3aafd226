import type { Actor, EstablishmentApplication, NameRefusalDetails } from '@govflow/contracts';
import { uniqueId } from '../../../../../test/support/servers';
import {
  application,
  approval,
  failureOf,
  officer,
  type RegistrationTestApp,
  startRegistrationTestApp,
  submission,
  uniqueTradeName,
} from '../../activities/registration-activities.fixtures';

jest.setTimeout(120000);

const registrant = (n: number | string): Actor => ({ id: `registrant-${n}`, role: 'registrant' });
const today = () => new Date().toISOString(); // reservations run 2 months from the submission
const named = (tradeName: string, industry = '科技'): EstablishmentApplication => ({
  ...application(tradeName),
  name: { division: '北京', tradeName, industry, organizationForm: '有限公司' },
});
const detailsOf = (failure: { details?: unknown[] }) => failure.details?.[0] as NameRefusalDetails;

describe('name reservations (R1.3) against PostgreSQL', () => {
  let sut: RegistrationTestApp;
  const caseStream = (caseId: string) => sut.store.readStream(`registration-case-${caseId}`);
  const submit = (caseId: string, app: EstablishmentApplication, by: Actor = registrant('a')) =>
    sut.run(caseId, sut.activities.submitApplication, { ...submission(caseId, app, today()), applicant: by });
  const supplement = (caseId: string, changes: Partial<EstablishmentApplication>, round = 1) =>
    sut.run(caseId, sut.activities.supplementApplication, {
      idempotencyKey: `${caseId}:supplement:${round}`,
      caseId,
      round,
      by: registrant('a'),
      changes,
      note: '更名',
      at: today(),
    });

  beforeAll(async () => (sut = await startRegistrationTestApp('reg_names')));
  afterAll(() => sut.close());

  it('lets exactly one of 20 concurrent submissions of one name hold it; the others are refused naming it', async () => {
    const app = named(uniqueTradeName('曜石'));
    const caseIds = Array.from({ length: 20 }, () => uniqueId('case'));
    const started = performance.now();
    const outcomes = await Promise.allSettled(caseIds.map((caseId, i) => submit(caseId, app, registrant(i))));
    const wallMs = Math.round(performance.now() - started);

    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Record<string, unknown>] : []));
    console.log(
      JSON.stringify({ concurrentSubmissions: 20, accepted: accepted.length, refused: refused.length, wallMs }),
    );
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const failure of refused) {
      expect(failure).toMatchObject({ type: 'NameTaken', nonRetryable: true });
      expect(detailsOf(failure as { details?: unknown[] }).problems).toEqual([
        { code: 'identical-trade-name', part: 'tradeName', message: expect.stringMatching(/已预留，保留至/) },
      ]);
    }
    const streams = await Promise.all(caseIds.map(caseStream));
    expect(streams.filter((events) => events.length > 0)).toHaveLength(1);
  });

  it.each([
    ['海淀', 'trade-name-is-place-name', /县级以上行政区划名称/],
    ['星', 'trade-name-too-short', /两个以上汉字/],
    ['中华人民共和国', 'prohibited-content', /党政军机关名称/],
  ])('refuses the trade name %s at submission with its rule, and records nothing', async (tradeName, code, rule) => {
    const caseId = uniqueId('case');
    const failure = await failureOf(submit(caseId, named(tradeName)));

    expect(failure).toMatchObject({ type: 'NameNotAllowed', nonRetryable: true });
    const { problems } = detailsOf(failure as { details?: unknown[] });
    expect(problems).toContainEqual({ code, part: 'tradeName', message: expect.stringMatching(rule) });
    expect(await caseStream(caseId)).toEqual([]);
  });

  it('frees the name of a rejected case at once', async () => {
    const app = named(uniqueTradeName('远启'));
    const first = uniqueId('case');
    await submit(first, app, registrant('first'));
    expect(await failureOf(submit(uniqueId('case'), app, registrant('second')))).toMatchObject({ type: 'NameTaken' });

    const decidedAt = today();
    const rejection = {
      idempotencyKey: `${first}:reject`,
      caseId: first,
      decidedBy: officer,
      reason: '材料不全',
      decidedAt,
    };
    await sut.run(first, sut.activities.rejectApplication, rejection);

    await expect(submit(uniqueId('case'), app, registrant('second'))).resolves.toBeUndefined();
    expect((await caseStream(first)).map((e) => e.type)).toContain('NameReservationReleased');
  });

  it('refuses a supplement that renames to 海淀, and the case keeps its name', async () => {
    const app = named(uniqueTradeName('青木'));
    const caseId = uniqueId('case');
    await submit(caseId, app);

    const failure = await failureOf(supplement(caseId, { name: { ...app.name, tradeName: '海淀' } }));

    expect(failure).toMatchObject({ type: 'NameNotAllowed', nonRetryable: true });
    expect(detailsOf(failure as { details?: unknown[] }).problems.map((p) => p.code)).toEqual([
      'trade-name-is-place-name',
    ]);
    expect((await caseStream(caseId)).map((e) => e.type)).toEqual(['ApplicationSubmitted', 'NameReserved']);
    expect(await failureOf(submit(uniqueId('case'), app, registrant('b')))).toMatchObject({ type: 'NameTaken' });
  });

  it('moves a renamed reservation: a taken name is refused, a free one held, and only then the old one freed', async () => {
    const mine = named(uniqueTradeName('松柏'));
    const theirs = named(uniqueTradeName('梧桐'));
    const caseId = uniqueId('case');
    await submit(caseId, mine);
    await submit(uniqueId('case'), theirs, registrant('b'));

    expect(await failureOf(supplement(caseId, { name: theirs.name }))).toMatchObject({ type: 'NameTaken' });
    expect(await failureOf(submit(uniqueId('case'), mine, registrant('c')))).toMatchObject({ type: 'NameTaken' });

    const renamed = named(uniqueTradeName('银杏'));
    await supplement(caseId, { name: renamed.name }, 2);

    expect((await caseStream(caseId)).map((e) => e.type)).toEqual([
      'ApplicationSubmitted',
      'NameReserved',
      'ApplicationSupplemented',
      'NameReservationMoved',
    ]);
    await expect(submit(uniqueId('case'), mine, registrant('c'))).resolves.toBeUndefined();
    expect(await failureOf(submit(uniqueId('case'), renamed, registrant('c')))).toMatchObject({ type: 'NameTaken' });
  });

  it('keeps a changed or deregistered name unavailable for a year', async () => {
    const tradeName = uniqueTradeName('旧名');
    const halfYearAgo = new Date(Date.now() - 182 * 24 * 3600 * 1000);
    await sut.store.pool.query(
      `INSERT INTO registration.registered_names (case_id, trade_name, industry, city, applicant_id, status, status_since)
       VALUES ($1, $2, '科技', '北京', 'someone', 'changed', $3)`,
      [uniqueId('old-case'), tradeName, halfYearAgo],
    );
    const failure = await failureOf(submit(uniqueId('case'), named(tradeName)));
    expect(failure).toMatchObject({ type: 'NameTaken' });
    expect(failure.message).toMatch(/注销或变更未满一年/);
  });

  it('lets a declared investment link share a licensed name, and only the enterprise declared', async () => {
    const app = named(uniqueTradeName('同源'));
    const holder = uniqueId('case');
    await submit(holder, app, registrant('parent'));
    const { creditCode } = await sut.run(holder, sut.activities.issueLicense, approval(holder, app));

    expect(await failureOf(submit(uniqueId('case'), app, registrant('child')))).toMatchObject({ type: 'NameTaken' });
    const wrongLink = { ...app, investmentLink: { creditCode: '91110000600037341L' } };
    expect(await failureOf(submit(uniqueId('case'), wrongLink, registrant('child')))).toMatchObject({
      type: 'NameTaken',
    });

    const linked = uniqueId('case');
    await submit(linked, { ...app, investmentLink: { creditCode } }, registrant('child'));
    const reserved = (await caseStream(linked)).find((e) => e.type === 'NameReserved');
    expect(reserved?.data).toMatchObject({ investmentLink: { creditCode } });
    const [review] = await sut.run(linked, sut.activities.reexamineNames, { caseIds: [linked] });
    expect(review).toMatchObject({ caseId: linked, available: true, investmentLinkToConfirm: creditCode });
  });

  it('re-examines a name at review: its own reservation aside, unavailable once another case holds it', async () => {
    const app = named(uniqueTradeName('复审'));
    const caseId = uniqueId('case');
    await submit(caseId, app);
    const [before] = await sut.run(caseId, sut.activities.reexamineNames, { caseIds: [caseId, 'no-such-case'] });
    expect(before).toMatchObject({ caseId, available: true, problems: [] });

    // The reservation ran out during a long review, and another registrant declared the name.
    await sut.store.pool.query(`UPDATE registration.registered_names SET status = 'lapsed' WHERE case_id = $1`, [
      caseId,
    ]);
    await submit(uniqueId('case'), app, registrant('latecomer'));

    const after = await sut.run(caseId, sut.activities.reexamineNames, { caseIds: [caseId] });
    expect(after).toEqual([
      expect.objectContaining({
        available: false,
        problems: [expect.objectContaining({ code: 'identical-trade-name' })],
      }),
    ]);
  });
});
