import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Actor } from '../actor';
import { AUTH_OPTIONS, type AuthOptions } from '../auth.options';
import { InvalidAccessToken, signAccessToken, type VerifiedAccessToken, verifyAccessTokenClaims } from './access-token';
import { TOKEN_REVOCATIONS, type TokenRevocations } from './token-revocations';

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
}

/**
 * Issues and checks access tokens with the configured secret and lifetime, against the wall clock; with a
 * TokenRevocations provider, a signed-out token or one issued before a password change is refused too.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    @Optional() @Inject(TOKEN_REVOCATIONS) private readonly revocations?: TokenRevocations,
  ) {}

  issue(actor: Actor, passwordVersion = 0): IssuedAccessToken {
    const { signingSecret: secret, tokenTtlSeconds: ttlSeconds } = this.options;
    return {
      accessToken: signAccessToken(actor, { secret, ttlSeconds, now: new Date(), passwordVersion }),
      tokenType: 'Bearer',
      expiresIn: ttlSeconds,
    };
  }

  verify(token: string): Actor {
    return this.verifyClaims(token).actor;
  }

  verifyClaims(token: string): VerifiedAccessToken {
    const verified = verifyAccessTokenClaims(token, { secret: this.options.signingSecret, now: new Date() });
    if (this.revocations?.isRevoked(verified)) throw new InvalidAccessToken('revoked');
    return verified;
  }

  /** Signs the token out: refused from now on. */
  async revoke(token: string): Promise<void> {
    if (!this.revocations) throw new Error('no TokenRevocations provider: tokens cannot be revoked');
    await this.revocations.revoke(this.verifyClaims(token));
  }
}
