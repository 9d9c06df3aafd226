import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { type Actor, departmentSchema, roleSchema } from '../actor';

// A compact JWT (RFC 7519) signed with HMAC-SHA256: small enough to audit here, no dependency to trust.
const HEADER = encodeJson({ alg: 'HS256', typ: 'JWT' });

const claimsSchema = z.object({
  sub: z.string().min(1),
  username: z.string().min(1),
  role: roleSchema,
  department: departmentSchema.nullable(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(1).max(100),
  pwv: z.number().int().nonnegative(),
});

export type InvalidTokenReason = 'malformed' | 'bad-signature' | 'expired' | 'revoked';

export class InvalidAccessToken extends Error {
  constructor(readonly reason: InvalidTokenReason) {
    super(
      reason === 'expired'
        ? 'access token has expired'
        : reason === 'revoked'
          ? 'access token was revoked: sign in again'
          : 'access token is invalid',
    );
    this.name = 'InvalidAccessToken';
  }
}

export interface SignOptions {
  secret: string;
  ttlSeconds: number;
  now: Date;
  /** The token's own id (`jti`), by which sign-out revokes it; a random UUID unless given. */
  tokenId?: string;
  /** The user's password version when it was issued (`pwv`): a changed password revokes every older token. */
  passwordVersion?: number;
}

/** What a verified token says beyond its actor: what revocation is checked against. */
export interface VerifiedAccessToken {
  actor: Actor;
  tokenId: string;
  passwordVersion: number;
  expiresAt: Date;
}

export function signAccessToken(actor: Actor, options: SignOptions): string {
  const { secret, ttlSeconds, now, tokenId = randomUUID(), passwordVersion = 0 } = options;
  const iat = toSeconds(now);
  const { id: sub, username, role, department } = actor;
  const claims = { sub, username, role, department, iat, exp: iat + ttlSeconds, jti: tokenId, pwv: passwordVersion };
  const unsigned = `${HEADER}.${encodeJson(claims)}`;
  return `${unsigned}.${sign(unsigned, secret)}`;
}

/** The actor the token was issued to; throws InvalidAccessToken when it is malformed, forged or expired. */
export function verifyAccessToken(token: string, options: { secret: string; now: Date }): Actor {
  return verifyAccessTokenClaims(token, options).actor;
}

export function verifyAccessTokenClaims(
  token: string,
  { secret, now }: { secret: string; now: Date },
): VerifiedAccessToken {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidAccessToken('malformed');
  const [header, payload, signature] = parts as [string, string, string];
  if (!sameText(signature, sign(`${header}.${payload}`, secret))) throw new InvalidAccessToken('bad-signature');
  if (header !== HEADER) throw new InvalidAccessToken('malformed');
  const claims = claimsSchema.safeParse(decodeJson(payload));
  if (!claims.success) throw new InvalidAccessToken('malformed');
  if (claims.data.exp <= toSeconds(now)) throw new InvalidAccessToken('expired');
  const { sub: id, username, role, department, jti, pwv, exp } = claims.data;
  return {
    actor: { id, username, role, department },
    tokenId: jti,
    passwordVersion: pwv,
    expiresAt: new Date(exp * 1000),
  };
}

const toSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
