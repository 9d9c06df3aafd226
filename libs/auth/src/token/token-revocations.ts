import type { VerifiedAccessToken } from './access-token';

export const TOKEN_REVOCATIONS = Symbol('TOKEN_REVOCATIONS');

/**
 * What has been revoked since a token was signed: the token itself (signed out) or every token of its user
 * (password changed). Synchronous, so every check of a token, API or portal page, asks it without a round trip;
 * an implementation keeps what it needs in memory and in step with its store.
 */
export interface TokenRevocations {
  isRevoked(token: VerifiedAccessToken): boolean;
  /** Revokes one token until it would have expired anyway. */
  revoke(token: VerifiedAccessToken): Promise<void>;
}
