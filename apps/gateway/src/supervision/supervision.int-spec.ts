import { uniqueId } from '../../../../test/support/servers';
import {
  type MarketRegulationWorkers,
  startMarketRegulationWorkers,
} from '../../../../test/support/market-regulation-workers';
import {
  application,
  approval,
  submission,
  uniqueTradeName,
} from '../../../registration/src/activities/registration-activities.fixtures';
import { bootGateway, type BootedGateway } from '../testing/booted-gateway';

jest.setTimeout(90_000);

describe('supervision records over HTTP (workflows and the real market-regulation service answer)', () => {
  let workers: MarketRegulationWorkers;
  let gateway: BootedGateway;
  let creditCode: string;
  const records = (code: string) => `/api/supervision/${code}/records`;

  beforeAll(async () => {
    workers = await startMarketRegulationWorkers('gw-supervision');
    gateway = await bootGateway({ temporalNamespace: workers.namespace });
    const { registration } = workers;
    const caseId = uniqueId('case');
    const app = application(uniqueTradeName());
    await registration.run(caseId, registration.activities.submitApplication, submission(caseId, app));
    ({ creditCode } = await registration.run(caseId, registration.activities.issueLicense, approval(caseId, app)));
  });
  afterAll(async () => {
    await gateway?.close();
    await workers?.stop();
  });

  it("records a registration officer's decision and answers the record", async () => {
    const body = { kind: 'investigation', action: 'open', reason: '涉嫌虚假登记，立案调查' };
    const response = await gateway.post(records(creditCode), body, 'reg-officer1');
    expect(response.status).toBe(201);
    const officer = await gateway.idOf('reg-officer1');
    expect(await response.json()).toMatchObject({
      creditCode,
      open: ['investigation'],
      entries: [{ kind: 'investigation', action: 'open', reason: body.reason, by: { id: officer } }],
    });

    const read = await gateway.get(records(creditCode), 'registrant1');
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      open: ['investigation'],
      entries: [{ action: 'open' }],
      enterprise: { status: 'registered', enterpriseName: expect.any(String) },
    });
  });

  it('answers 409 for a matter already open, and closes it with a reason', async () => {
    const again = await gateway.post(
      records(creditCode),
      { kind: 'investigation', action: 'open', reason: '再次' },
      'reg-officer2',
    );
    expect(again.status).toBe(409);
    const closed = await gateway.post(
      records(creditCode),
      { kind: 'investigation', action: 'close', reason: '调查终结' },
      'reg-officer2',
    );
    expect(closed.status).toBe(201);
    expect(await closed.json()).toMatchObject({ open: [], entries: [{ action: 'open' }, { action: 'close' }] });
  });

  it('answers 400 naming each bad field, and for a malformed credit code', async () => {
    const response = await gateway.post(records(creditCode), { kind: 'tax-arrears', reason: ' ' }, 'reg-officer1');
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { field: string }[] };
    expect(errors.map((e) => e.field).sort()).toEqual(['action', 'kind', 'reason']);

    const malformed = await gateway.get(records('not-a-code'), 'reg-officer1');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ errors: [{ field: 'creditCode' }] });
  });

  it('answers 404 for a credit code no license carries', async () => {
    const unknown = '91110108MA0000000X';
    expect((await gateway.get(records(unknown), 'reg-officer1')).status).toBe(404);
    const body = { kind: 'frozen-assets', action: 'open', reason: '法院协助冻结' };
    expect((await gateway.post(records(unknown), body, 'reg-officer1')).status).toBe(404);
  });

  it('lets only registration officers record (403), and no one unsigned in (401)', async () => {
    const body = { kind: 'pledged-equity', action: 'open', reason: '股权出质登记' };
    expect((await gateway.post(records(creditCode), body, 'registrant1')).status).toBe(403);
    expect((await gateway.post(records(creditCode), body, 'tax-officer1')).status).toBe(403);
    expect((await gateway.post(records(creditCode), body)).status).toBe(401);
  });
});
