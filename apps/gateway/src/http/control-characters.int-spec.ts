import { bootGateway, type BootedGateway } from '../testing/booted-gateway';

jest.setTimeout(60_000);

// Found by the bad-input suite: a NUL in a query parameter reached PostgreSQL (500) or the registration service
// (a 503 after its timeout).
describe('control characters in query parameters', () => {
  let gateway: BootedGateway;
  beforeAll(async () => (gateway = await bootGateway()));
  afterAll(() => gateway?.close());

  it.each([
    ['/api/admin/cases?q=a%00b', 'admin', 'q'],
    [
      '/api/names/check?division=北京&tradeName=星%00河&industry=科技&organizationForm=有限公司',
      'registrant1',
      'tradeName',
    ],
  ])('refuses %s with a 400 naming the parameter', async (path, username, field) => {
    const response = await gateway.get(encodeURI(path).replace(/%2500/g, '%00'), username);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ field, message: 'must not contain control characters' }] });
  });
});
