import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { type Actor, AccessTokenService, AUTH_OPTIONS, type AuthOptions, InvalidAccessToken } from '@govflow/auth';

export const SESSION_COOKIE = 'govflow_session';
const SIGN_IN_CSRF_COOKIE = 'govflow_signin_csrf';

/** A signed-in browser: the actor, the bearer token the pages call the API with, and the form token. */
export interface PortalSession {
  actor: Actor;
  accessToken: string;
  csrfToken: string;
}

/** A page needs a signed-in user; the page filter answers it with a redirect to the sign-in form. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('sign in required');
  }
}

/** A form post without the session's CSRF token. */
export class CsrfRejected extends Error {
  constructor() {
    super('the form token is missing or wrong');
  }
}

export function cookiesOf(request: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    try {
      cookies.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // a cookie that is not URI-encoded is not ours
    }
  }
  return cookies;
}

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * The portal's session: the access token itself in an HttpOnly, SameSite=Lax cookie (Secure over https), so the
 * session expires with the token and the pages call the API exactly as any client would. Each form carries a CSRF
 * token derived from the session token with the signing secret; sign-in uses a double-submit cookie.
 */
@Injectable()
export class PortalSessions {
  constructor(
    private readonly tokens: AccessTokenService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  find(request: Request): PortalSession | undefined {
    const accessToken = cookiesOf(request).get(SESSION_COOKIE);
    if (!accessToken) return undefined;
    const actor = this.actorOf(accessToken);
    return actor && { actor, accessToken, csrfToken: this.csrfFor(accessToken) };
  }

  actorOf(accessToken: string): Actor | undefined {
    try {
      return this.tokens.verify(accessToken);
    } catch (error) {
      if (error instanceof InvalidAccessToken) return undefined;
      throw error;
    }
  }

  require(request: Request): PortalSession {
    const session = this.find(request);
    if (!session) throw new SignInRequired(request.method === 'GET' ? request.originalUrl : '/portal');
    return session;
  }

  /** The session of a form post, whose `_csrf` field (or x-csrf-token header, for htmx) must match. */
  requireForm(request: Request): PortalSession {
    const session = this.require(request);
    const body = request.body as Record<string, unknown> | undefined;
    const submitted = typeof body?._csrf === 'string' ? body._csrf : request.headers['x-csrf-token'];
    if (typeof submitted !== 'string' || !sameText(submitted, session.csrfToken)) throw new CsrfRejected();
    return session;
  }

  open(request: Request, response: Response, accessToken: string, expiresIn: number): void {
    response.cookie(SESSION_COOKIE, accessToken, { ...this.cookieFlags(request), maxAge: expiresIn * 1000 });
    response.clearCookie(SIGN_IN_CSRF_COOKIE, this.cookieFlags(request));
  }

  close(request: Request, response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieFlags(request));
  }

  /** The sign-in form's token: reused from its cookie, or new and set. */
  signInCsrf(request: Request, response: Response): string {
    const known = cookiesOf(request).get(SIGN_IN_CSRF_COOKIE);
    if (known && /^[\w-]{20,100}$/.test(known)) return known;
    const token = randomBytes(24).toString('base64url');
    response.cookie(SIGN_IN_CSRF_COOKIE, token, { ...this.cookieFlags(request), maxAge: 3_600_000 });
    return token;
  }

  assertSignInCsrf(request: Request, submitted: unknown): void {
    const expected = cookiesOf(request).get(SIGN_IN_CSRF_COOKIE);
    if (!expected || typeof submitted !== 'string' || !sameText(submitted, expected)) throw new CsrfRejected();
  }

  private csrfFor(accessToken: string): string {
    return createHmac('sha256', this.options.signingSecret).update(`csrf:${accessToken}`).digest('base64url');
  }

  private cookieFlags(request: Request) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: request.secure, path: '/' };
  }
}
