import { bootGateway, type BootedGateway } from '../testing/booted-gateway';

jest.setTimeout(60_000);

// ASVS 6.3.1 (throttling), 7.2.4 / 7.4.1 (sign-out revokes server-side), 7.4.3-ish (password change revokes).
describe('account security over HTTP (real PostgreSQL)', () => {
  let gateway: BootedGateway;
  let base: string;

  beforeAll(async () => {
    gateway = await bootGateway();
    base = await gateway.app.getUrl();
  });
  afterAll(() => gateway?.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    });
  const tokenOf = async (username: string, password = 'demo') =>
    ((await (await login(username, password)).json()) as { accessToken: string }).accessToken;
  const me = (token: string) => fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const post = (path: string, token: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('blocks an account for a while after 5 failures in a row, whatever the password, with Retry-After, and records it', async () => {
    for (let i = 0; i < 5; i++) expect((await login('tax-officer1', `wrong-${i}`)).status).toBe(401);
    const blocked = await login('tax-officer1', 'demo');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await blocked.json()).toEqual({
      errors: [{ field: null, message: expect.stringMatching(/too many failed sign-ins/) }],
    });
    const { rows } = await gateway.database.pool.query<{ key: string; failures: number }>(
      "SELECT key, failures FROM sign_in_failures WHERE key = 'account:tax-officer1'",
    );
    expect(rows).toEqual([{ key: 'account:tax-officer1', failures: 5 }]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await login('tax-officer1', 'demo')).status).toBe(200);
  });

  it('blocks an address that guesses across accounts, and does not reset it on a success', async () => {
    await gateway.database.pool.query("DELETE FROM sign_in_failures WHERE key LIKE 'address:%'");
    for (let i = 0; i < 5; i++) expect((await login(`nobody-${i}`, 'x')).status).toBe(401);
    expect((await login('registrant2', 'demo')).status).toBe(429);
    await gateway.database.pool.query("DELETE FROM sign_in_failures WHERE key LIKE 'address:%'");
  });

  it('ignores a forged client-address header', async () => {
    const forged = { 'x-govflow-client-address': '203.0.113.9 not-a-valid-mac' };
    expect((await login('registrant2', 'demo', forged)).status).toBe(200);
  });

  it('signs out server-side: the token is refused afterwards', async () => {
    const token = await tokenOf('reg-officer2');
    expect((await me(token)).status).toBe(200);
    expect((await post('/api/auth/logout', token)).status).toBe(204);
    const after = await me(token);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      errors: [{ field: null, message: 'access token was revoked: sign in again' }],
    });
  });

  it('revokes every token issued before a password change, and signs in with the new one only', async () => {
    const first = await tokenOf('fin-officer1');
    const second = await tokenOf('fin-officer1');
    const wrong = await post('/api/auth/password', first, { currentPassword: 'nope', newPassword: 'a-new-pass' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ errors: [{ field: 'currentPassword', message: 'is wrong' }] });
    const short = await post('/api/auth/password', first, { currentPassword: 'demo', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('newPassword');
    expect(
      (await post('/api/auth/password', first, { currentPassword: 'demo', newPassword: 'a-new-passphrase' })).status,
    ).toBe(204);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(401);
    expect((await login('fin-officer1', 'demo')).status).toBe(401);
    expect((await me(await tokenOf('fin-officer1', 'a-new-passphrase'))).status).toBe(200);
  });

  it('sets the security headers on API answers, pages and errors alike', async () => {
    for (const path of ['/api/me', '/sign-in', '/', '/no-such-page', '/assets/portal.css']) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
      expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('serves pages without inline script, style or handlers', async () => {
    for (const path of ['/', '/sign-in']) {
      const html = await (await fetch(`${base}${path}`)).text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('answers undeclared methods with 405 and Allow, TRACE everywhere', async () => {
    const trace = await fetch(`${base}/api/me`, { method: 'PUT' });
    expect(trace.status).toBe(405);
    expect(trace.headers.get('allow')).toBe('GET, HEAD');
    expect(await trace.json()).toEqual({ errors: [{ field: null, message: 'method PUT is not allowed here' }] });
    expect((await fetch(`${base}/api/registrations/x/application`, { method: 'DELETE' })).status).toBe(405);
  });
});
