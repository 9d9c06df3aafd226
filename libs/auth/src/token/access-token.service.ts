import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import { AUTH_OPTIONS, type AuthOptions } from '../auth.options';
import { signAccessToken, verifyAccessToken } from './access-token';

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
}

/** Issues and checks access tokens with the configured secret and lifetime, against the wall clock. */
@Injectable()
export class AccessTokenService {
  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {}

  issue(actor: Actor): IssuedAccessToken {
    const { signingSecret: secret, tokenTtlSeconds: ttlSeconds } = this.options;
    return {
      accessToken: signAccessToken(actor, { secret, ttlSeconds, now: new Date() }),
      tokenType: 'Bearer',
      expiresIn: ttlSeconds,
    };
  }

  verify(token: string): Actor {
    return verifyAccessToken(token, { secret: this.options.signingSecret, now: new Date() });
  }
}
