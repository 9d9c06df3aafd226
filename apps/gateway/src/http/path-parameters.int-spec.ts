import { type BootedGateway, bootGateway } from '../testing/booted-gateway';

jest.setTimeout(60_000);

// Every endpoint with a path parameter, with a caller and a body each may send, so the only problem is the parameter.
const endpoints = [
  { method: 'POST', template: '/api/tasks/:taskId/claim', user: 'reg-officer1', body: {} },
  { method: 'POST', template: '/api/tasks/:taskId/unclaim', user: 'reg-officer1', body: {} },
  {
    method: 'POST',
    template: '/api/tasks/:taskId/reassign',
    user: 'reg-officer1',
    body: { to: 'reg-officer2', reason: '休假' },
  },
  { method: 'POST', template: '/api/tasks/:taskId/decision', user: 'reg-officer1', body: { outcome: 'approve' } },
  { method: 'GET', template: '/api/registrations/:caseId', user: 'registrant1' },
  {
    method: 'POST',
    template: '/api/registrations/:caseId/supplement',
    user: 'registrant1',
    body: { changes: { domicile: '上海市浦东新区张江路1号' }, note: '补正住所' },
  },
  { method: 'GET', template: '/api/audit/cases/:caseId/events', user: 'admin' },
] as const;

const badValues = [
  { what: 'a NUL character', raw: '%00' },
  { what: 'a control character inside', raw: 'abc%0Adef' },
  { what: 'an overlong value', raw: 'x'.repeat(5000) },
  { what: 'bytes that are not UTF-8', raw: '%FF' },
  { what: 'a truncated percent escape', raw: 'abc%E4%B8' },
];

describe('path parameters over HTTP', () => {
  let gateway: BootedGateway;

  beforeAll(async () => {
    gateway = await bootGateway();
  });
  afterAll(() => gateway?.close());

  const cases = endpoints.flatMap((endpoint) => badValues.map((value) => ({ ...endpoint, ...value })));

  it.each(cases)('$method $template with $what answers 400 naming the parameter', async (endpoint) => {
    const { method, template, user, raw } = endpoint;
    const field = /:(\w+)/.exec(template)![1];
    const url = template.replace(`:${field}`, raw);
    const response =
      method === 'GET' ? await gateway.get(url, user) : await gateway.post(url, endpoint.body ?? {}, user);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([{ field, message: expect.any(String) }]);
  });

  it('answers 400 naming the query parameter for a bad task status filter', async () => {
    const response = await gateway.get('/api/tasks?status=%FF', 'reg-officer1');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ field: 'status', message: expect.any(String) }] });
  });
});
