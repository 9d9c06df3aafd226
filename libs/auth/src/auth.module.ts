import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { BearerTokenGuard } from './guards/bearer-token.guard';
import { RolesGuard } from './guards/roles.guard';
import { AccessTokenService } from './token/access-token.service';
import { TOKEN_REVOCATIONS, type TokenRevocations } from './token/token-revocations';

/**
 * Installs the global guards (authentication, then roles: Nest runs global guards in registration order)
 * and provides AccessTokenService to the whole application.
 */
@Module({})
export class AuthModule {
  /** `revocations`: where signed-out tokens and password changes are kept (it may inject global providers). */
  static forRoot(options: AuthOptions, revocations?: Type<TokenRevocations>): DynamicModule {
    const revocationProviders = revocations ? [{ provide: TOKEN_REVOCATIONS, useClass: revocations }] : [];
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        ...revocationProviders,
        AccessTokenService,
        { provide: APP_GUARD, useClass: BearerTokenGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AUTH_OPTIONS, AccessTokenService, ...revocationProviders.map((p) => p.provide)],
    };
  }
}
