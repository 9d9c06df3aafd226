import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type GatewayConfig, isLocalMode } from '../config/env.schema';
import { DEMO_USERS } from '../auth/users/demo-users';
import { AssetsController } from './assets.controller';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { PORTAL_PAGE_OPTIONS } from './portal-page-options';
import { SignInController } from './session/sign-in.controller';
import { PortalSessions } from './session/portal-session';

/** What every area's pages share: templates, the session cookie, sign-in and sign-out, the local assets. */
@Global()
@Module({})
export class PortalCoreModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: PortalCoreModule,
      controllers: [SignInController, AssetsController],
      providers: [
        PageRenderer,
        PortalSessions,
        PageErrorFilter,
        { provide: PORTAL_PAGE_OPTIONS, useValue: { demoUsers: isLocalMode(config) ? DEMO_USERS : [] } },
      ],
      exports: [PageRenderer, PortalSessions, PageErrorFilter],
    };
  }
}
