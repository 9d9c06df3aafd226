import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { CaseSearchAttribute } from '@govflow/contracts';
import { permitCatalogues } from '@govflow/policy';
import { type RegistrationWorkers, startRegistrationWorkers } from '../../../../test/support/registration-workers';
import { servers } from '../../../../test/support/servers';
import { bootGateway, type BootedGateway, eventually } from '../testing/booted-gateway';
import { filedApplication as application, li, zhang } from '../testing/filed-application';

jest.setTimeout(90_000);

const registrationStatuses = [
  'submitted',
  'under-review',
  'information-requested',
  'approved',
  'rejected',
  'licensed',
  'completed',
];

describe('registrations against real Temporal (workflows and a fake market-regulation service answer)', () => {
  let workers: RegistrationWorkers;
  let gateway: BootedGateway;
  let connection: Connection;
  let temporal: Client;
  const started: string[] = [];

  const submit = async (body: unknown, username = 'registrant1', key?: string) => {
    const response = await gateway.post('/api/registrations', body, username, key ? { 'Idempotency-Key': key } : {});
    const json = (await response.json()) as { caseId: string; errors?: unknown };
    if (response.status === 202) started.push(json.caseId);
    return { status: response.status, body: json };
  };
  const workflowOf = (caseId: string) => temporal.workflow.getHandle(`registration-${caseId}`);

  beforeAll(async () => {
    workers = await startRegistrationWorkers('gw-registrations');
    gateway = await bootGateway({ temporalNamespace: workers.namespace });
    connection = await Connection.connect({ address: servers.temporalAddress });
    temporal = new Client({ connection, namespace: workers.namespace });
  });

  afterAll(async () => {
    for (const caseId of started) {
      await workflowOf(caseId)
        .terminate('test over')
        .catch(() => undefined);
    }
    await connection?.close();
    await gateway?.close();
    await workers?.stop();
  });

  describe('POST /api/registrations with an Idempotency-Key', () => {
    const key = randomUUID();
    let caseId: string;

    beforeAll(async () => {
      const first = await submit(application(), 'registrant1', key);
      expect(first.status).toBe(202);
      caseId = first.body.caseId;
    });

    it('starts the registration workflow with the normalised application, policy and search attributes', async () => {
      const description = await workflowOf(caseId).describe();
      expect(description).toMatchObject({ type: 'registrationWorkflow', taskQueue: 'orchestrator' });
      const registrant = await gateway.idOf('registrant1');
      expect(description.typedSearchAttributes.get(CaseSearchAttribute.CaseId)).toBe(caseId);
      expect(description.typedSearchAttributes.get(CaseSearchAttribute.ApplicantId)).toBe(registrant);
      expect(description.typedSearchAttributes.get(CaseSearchAttribute.CaseKind)).toBe('registration');

      const history = await workflowOf(caseId).fetchHistory();
      const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      const input = JSON.parse(Buffer.from(payload!.data!).toString('utf8'));
      expect(input).toMatchObject({
        caseId,
        applicant: { id: registrant, role: 'registrant' },
        policy: {
          reviewPeriod: { workingDays: 3 },
          taxRecordTimeout: '1 day',
          // The catalogue in force when the case started, which the case keeps.
          permitCatalogueVersion: permitCatalogues.at(new Date()).version,
        },
        timeScale: 1,
        application: {
          registeredCapital: { amount: '1000000.00', currency: 'CNY' },
          shareholders: [
            { ...zhang, subscribedAmount: { amount: '600000.00', currency: 'CNY' } },
            { ...li, subscribedAmount: { amount: '400000.00', currency: 'CNY' } },
          ],
        },
      });
    });

    it('answers the same case for the same application again, starting no second workflow', async () => {
      const { runId } = await workflowOf(caseId).describe();
      const sameInOtherWords = { ...application(), registeredCapital: { amount: 1000000, currency: 'CNY' } };
      const again = await submit(sameInOtherWords, 'registrant1', key);
      expect(again).toEqual({ status: 202, body: { caseId } });
      expect((await workflowOf(caseId).describe()).runId).toBe(runId);
      const { rows } = await gateway.database.pool.query('SELECT case_id FROM registration_cases');
      expect(rows.filter((row: { case_id: string }) => row.case_id === caseId)).toHaveLength(1);
    });

    it('answers 409 to the same key with a different application', async () => {
      const other = await submit(application('云帆'), 'registrant1', key);
      expect(other).toEqual({
        status: 409,
        body: { errors: [{ field: null, message: expect.stringMatching(/Idempotency-Key .* different application/) }] },
      });
    });

    it("keeps keys per registrant: another's same key is another case", async () => {
      const theirs = await submit(application(), 'registrant2', key);
      expect(theirs.status).toBe(202);
      expect(theirs.body.caseId).not.toBe(caseId);
    });

    it('files a new case for each submission without a key', async () => {
      const [a, b] = [await submit(application('青松')), await submit(application('青松'))];
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body.caseId).not.toBe(b.body.caseId);
    });

    it("lists the case among the registrant's own, and nobody else's", async () => {
      const mine = (await (await gateway.get('/api/registrations', 'registrant1')).json()) as {
        caseId: string;
        status: string;
      }[];
      expect(mine.find((c) => c.caseId === caseId)).toEqual({
        caseId,
        status: expect.stringMatching(new RegExp(`^(${registrationStatuses.join('|')})$`)),
        submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        enterpriseName: '北京星河科技有限公司',
      });
      const theirs = (await (await gateway.get('/api/registrations', 'registrant2')).json()) as { caseId: string }[];
      expect(theirs.map((c) => c.caseId)).not.toContain(caseId);
    });

    it("answers 404 to another registrant's case, 403 to an officer of another department", async () => {
      const other = await gateway.get(`/api/registrations/${caseId}`, 'registrant2');
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual({ errors: [{ field: null, message: `no registration ${caseId}` }] });
      expect((await gateway.get(`/api/registrations/${caseId}`, 'tax-officer1')).status).toBe(403);
      expect(
        (
          await gateway.post(
            `/api/registrations/${caseId}/supplement`,
            { changes: { domicile: 'x' }, note: '' },
            'registrant2',
          )
        ).status,
      ).toBe(404);
    });
  });

  describe('a name market regulation refuses (R1.3)', () => {
    it('answers 400 before any 202, one error per problem with its rule, and the case ends refused', async () => {
      const key = randomUUID();
      const refused = await submit(application('海淀'), 'registrant1', key);

      expect(refused).toEqual({
        status: 400,
        body: {
          errors: [
            {
              field: 'name.tradeName',
              code: 'trade-name-is-place-name',
              message: expect.stringMatching(/^字号不得使用县级以上行政区划名称/),
            },
          ],
        },
      });
      expect(await submit(application('海淀'), 'registrant1', key)).toEqual(refused); // a repeat answers the same
      type Listed = { caseId: string; status: string }[];
      const listed = () => gateway.get('/api/registrations', 'registrant1').then((r) => r.json() as Promise<Listed>);
      const [mine] = await eventually(listed, ([newest]) => newest?.status === 'refused'); // visibility catches up
      const view = (await (await gateway.get(`/api/registrations/${mine?.caseId}`, 'registrant1')).json()) as object;
      expect(view).toMatchObject({
        status: 'refused',
        refusal: { problems: [{ code: 'trade-name-is-place-name', field: 'name.tradeName' }] },
      });
      expect(workers.service.taskEventsFor(mine!.caseId)).toEqual([]);
    });
  });

  describe('bad requests', () => {
    it.each([
      ['a missing nested field', { ...application(), name: { division: '北京' } }, 'name.tradeName', 'is required'],
      [
        'an id number with a wrong check character',
        { ...application(), legalRepresentative: { ...zhang, idNumber: '110108199001011234' } },
        'legalRepresentative.idNumber',
        'has a wrong check character',
      ],
      [
        'an amount with three decimals',
        { ...application(), shareholders: [{ ...li, subscribedAmount: '1.005' }] },
        'shareholders.0.subscribedAmount',
        expect.stringMatching(/at most 2 decimal places/),
      ],
      [
        'an empty business scope',
        { ...application(), businessScope: [] },
        'businessScope',
        'must list at least one item',
      ],
    ])('answers 400 to %s, naming the field', async (_, body, field, message) => {
      const response = await submit(body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field, message });
    });

    it('answers 400 to a body that is not JSON, and to a malformed Idempotency-Key', async () => {
      expect((await submit('{"name":')).status).toBe(400);
      const badKey = await submit(application(), 'registrant1', 'has spaces in it');
      expect(badKey).toEqual({
        status: 400,
        body: { errors: [{ field: 'Idempotency-Key', message: expect.stringMatching(/visible ASCII/) }] },
      });
    });

    it('answers 403 to an officer filing an application', async () => {
      expect((await submit(application(), 'reg-officer1')).status).toBe(403);
    });

    it('answers 400 to a malformed case id', async () => {
      const response = await gateway.get('/api/registrations/not-a-case', 'admin');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ field: 'caseId', message: 'must be a case id (a UUID)' }],
      });
    });

    it('answers 400 naming every missing part of a name to check', async () => {
      const response = await gateway.get('/api/names/check?division=%E5%8C%97%E4%BA%AC', 'registrant1');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: ['tradeName', 'industry', 'organizationForm'].map((field) => ({ field, message: 'is required' })),
      });
    });
  });
});
