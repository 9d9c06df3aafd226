import type { Request, Response } from 'express';
import { AccessTokenService } from '@govflow/auth';
import { CsrfRejected, PortalSessions, SESSION_COOKIE, SignInRequired } from './portal-session';

const options = { signingSecret: 'a-test-signing-secret-of-enough-length', tokenTtlSeconds: 600 };
const tokens = new AccessTokenService(options);
const sut = new PortalSessions(tokens, options);
const actor = { id: 'u1', username: 'registrant1', role: 'registrant' as const, department: null };

const requestWith = (cookie: string, body: object = {}, headers: object = {}) =>
  ({ headers: { cookie, ...headers }, body, method: 'POST', originalUrl: '/portal/apply' }) as unknown as Request;

describe(PortalSessions.name, () => {
  const { accessToken } = tokens.issue(actor);
  const cookie = `${SESSION_COOKIE}=${accessToken}`;

  it('reads the actor from the session cookie, and nothing from a forged one', () => {
    expect(sut.find(requestWith(cookie))?.actor).toEqual(actor);
    expect(sut.find(requestWith(`${SESSION_COOKIE}=${accessToken}x`))).toBeUndefined();
    expect(() => sut.require(requestWith(''))).toThrow(SignInRequired);
  });

  it("takes a form post only with the session's CSRF token, in the form or the x-csrf-token header", () => {
    const { csrfToken } = sut.find(requestWith(cookie))!;
    expect(sut.requireForm(requestWith(cookie, { _csrf: csrfToken })).actor).toEqual(actor);
    expect(sut.requireForm(requestWith(cookie, {}, { 'x-csrf-token': csrfToken })).actor).toEqual(actor);
    expect(() => sut.requireForm(requestWith(cookie))).toThrow(CsrfRejected);
    expect(() => sut.requireForm(requestWith(cookie, { _csrf: `${csrfToken}A` }))).toThrow(CsrfRejected);
  });

  it('sets the cookie HttpOnly and SameSite=Lax, Secure only over https', () => {
    const set: { name: string; options: Record<string, unknown> }[] = [];
    const response = {
      cookie: (name: string, _value: string, options: Record<string, unknown>) => set.push({ name, options }),
      clearCookie: () => undefined,
    } as unknown as Response;
    sut.open({ secure: false } as Request, response, accessToken, 600);
    sut.open({ secure: true } as Request, response, accessToken, 600);
    expect(set.map((s) => s.options)).toEqual([
      { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 600_000 },
      { httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 600_000 },
    ]);
  });
});
