import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { BearerTokenGuard } from './guards/bearer-token.guard';
import { RolesGuard } from './guards/roles.guard';
import { AccessTokenService } from './token/access-token.service';

/**
 * Installs the global guards (authentication, then roles: Nest runs global guards in registration order)
 * and provides AccessTokenService to the whole application.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        AccessTokenService,
        { provide: APP_GUARD, useClass: BearerTokenGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AUTH_OPTIONS, AccessTokenService],
    };
  }
}
