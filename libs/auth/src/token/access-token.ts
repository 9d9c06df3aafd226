import { createHmac, timingSafeEqual } from 'node:crypto';
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
});

export type InvalidTokenReason = 'malformed' | 'bad-signature' | 'expired';

export class InvalidAccessToken extends Error {
  constructor(readonly reason: InvalidTokenReason) {
    super(reason === 'expired' ? 'access token has expired' : 'access token is invalid');
    this.name = 'InvalidAccessToken';
  }
}

export interface SignOptions {
  secret: string;
  ttlSeconds: number;
  now: Date;
}

export function signAccessToken(actor: Actor, { secret, ttlSeconds, now }: SignOptions): string {
  const iat = toSeconds(now);
  const { id: sub, username, role, department } = actor;
  const unsigned = `${HEADER}.${encodeJson({ sub, username, role, department, iat, exp: iat + ttlSeconds })}`;
  return `${unsigned}.${sign(unsigned, secret)}`;
}

/** The actor the token was issued to; throws InvalidAccessToken when it is malformed, forged or expired. */
export function verifyAccessToken(token: string, { secret, now }: { secret: string; now: Date }): Actor {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidAccessToken('malformed');
  const [header, payload, signature] = parts as [string, string, string];
  if (!sameText(signature, sign(`${header}.${payload}`, secret))) throw new InvalidAccessToken('bad-signature');
  if (header !== HEADER) throw new InvalidAccessToken('malformed');
  const claims = claimsSchema.safeParse(decodeJson(payload));
  if (!claims.success) throw new InvalidAccessToken('malformed');
  if (claims.data.exp <= toSeconds(now)) throw new InvalidAccessToken('expired');
  const { sub: id, username, role, department } = claims.data;
  return { id, username, role, department };
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
