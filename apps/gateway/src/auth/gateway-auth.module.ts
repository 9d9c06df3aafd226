import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@govflow/auth';
import { type GatewayConfig, isLocalMode } from '../config/env.schema';
import { Credentials } from './login/credentials';
import { LoginController } from './login/login.controller';
import { LogoutController } from './logout/logout.controller';
import { ChangePasswordController } from './password/change-password.controller';
import { TokenRevocationStore } from './revocation/token-revocation.store';
import { SignInThrottle } from './throttle/sign-in-throttle';
import { MeController } from './me/me.controller';
import { ListUsersController } from './users/list-users/list-users.controller';
import { LocalUsersInitializer } from './users/local-users.initializer';
import { UsersModule } from './users/users.module';
import { USERS_OPTIONS } from './users/users.options';

/** Sign-in against the gateway's own users table, and the guards for every /api route. */
@Module({})
export class GatewayAuthModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAuthModule,
      imports: [
        AuthModule.forRoot(
          { signingSecret: config.AUTH_SIGNING_SECRET, tokenTtlSeconds: config.AUTH_TOKEN_TTL_SECONDS },
          TokenRevocationStore,
        ),
        UsersModule,
      ],
      controllers: [LoginController, LogoutController, ChangePasswordController, MeController, ListUsersController],
      providers: [
        { provide: USERS_OPTIONS, useValue: { seedDemoUsers: isLocalMode(config) } },
        Credentials,
        SignInThrottle,
        LocalUsersInitializer,
      ],
      exports: [SignInThrottle],
    };
  }
}
