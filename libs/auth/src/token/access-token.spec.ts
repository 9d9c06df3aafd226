import { createHmac } from 'node:crypto';
import type { Actor } from '../actor';
import { InvalidAccessToken, signAccessToken, verifyAccessToken } from './access-token';

describe(verifyAccessToken.name, () => {
  const secret = 'a-test-signing-secret-of-at-least-32-characters';
  const issuedAt = new Date('2026-03-01T08:00:00Z');
  const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);
  const officer: Actor = {
    id: 'u-1',
    username: 'reg-officer1',
    role: 'registration-officer',
    department: 'market-regulation',
  };
  const sut = signAccessToken(officer, { secret, ttlSeconds: 600, now: issuedAt });

  const reasonFor = (token: string, options = { secret, now: later(1) }) => {
    try {
      verifyAccessToken(token, options);
      return 'accepted';
    } catch (error) {
      if (error instanceof InvalidAccessToken) return error.reason;
      throw error;
    }
  };
  const reencode = (part: string, change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;
    change(json);
    return Buffer.from(JSON.stringify(json)).toString('base64url');
  };

  it('gives back the actor it was signed for, until it expires', () => {
    expect(verifyAccessToken(sut, { secret, now: later(599) })).toEqual(officer);
  });

  it('is a standard HS256 JWT', () => {
    const [header, payload] = sut.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      sub: 'u-1',
      iat: 1772352000,
      exp: 1772352600,
    });
  });

  it('refuses it from the moment it expires', () => {
    expect(reasonFor(sut, { secret, now: later(600) })).toBe('expired');
    expect(() => verifyAccessToken(sut, { secret, now: later(601) })).toThrow('access token has expired');
  });

  it('refuses a token whose claims were changed', () => {
    const [header, payload, signature] = sut.split('.') as [string, string, string];
    const promoted = reencode(payload, (claims) => (claims.role = 'administrator'));
    expect(reasonFor(`${header}.${promoted}.${signature}`)).toBe('bad-signature');
  });

  it('refuses a token signed with another secret', () => {
    expect(reasonFor(sut, { secret: `${secret}!`, now: later(1) })).toBe('bad-signature');
  });

  it('refuses an unsigned ("alg: none") token', () => {
    const [header, payload] = sut.split('.') as [string, string, string];
    const none = reencode(header, (h) => (h.alg = 'none'));
    expect(reasonFor(`${none}.${payload}.`)).toBe('bad-signature');
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d'])('refuses a malformed token %j', (token) => {
    expect(reasonFor(token)).toMatch(/malformed|bad-signature/);
  });

  it('refuses a correctly signed token whose claims are not an actor', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', role: 'emperor', iat: 0, exp: 9e9 })).toString('base64url');
    const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    expect(reasonFor(`${header}.${payload}.${signature}`)).toBe('malformed');
  });
});
