import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditLogModule, PlatformModule, platformOptions } from '@govflow/platform';
import { AuditModule } from './audit/audit.module';
import { GatewayAuthModule } from './auth/gateway-auth.module';
import type { GatewayConfig } from './config/env.schema';
import { ApiErrorFilter } from './http/api-error.filter';
import { NamesModule } from './names/names.module';
import { LandingPageController, PORTAL_OPTIONS } from './portal/landing-page.controller';
import { PortalCoreModule } from './portal/portal-core.module';
import { RegistrationPagesModule } from './registrations/pages/registration-pages.module';
import { TaskPagesModule } from './tasks/pages/task-pages.module';
import { AuditPagesModule } from './audit/pages/audit-pages.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { SupervisionModule } from './supervision/supervision.module';
import { DeregistrationsModule } from './deregistrations/deregistrations.module';
import { DeregistrationPagesModule } from './deregistrations/pages/deregistration-pages.module';
import { SciencePagesModule } from './science/pages/science-pages.module';
import { ScienceModule } from './science/science.module';
import { PermitsModule } from './permits/permits.module';
import { PermitPagesModule } from './permits/pages/permit-pages.module';
import { TaxRecordsModule } from './tax-records/tax-records.module';
import { TasksModule } from './tasks/tasks.module';

@Module({})
export class GatewayModule {
  /** `env`: where the audit log finds its key and origin (AUDIT_SIGNING_KEY…, AUDIT_LOG_ORIGIN). */
  static register(config: GatewayConfig, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot(platformOptions('gateway', config)),
        // Its own log's internal /audit routes would sit outside /api, unguarded, on the public port.
        AuditLogModule.register('gateway', env, { serveInternalRoutes: false }),
        GatewayAuthModule.register(config),
        ReadModelsModule.register(config.GATEWAY_CONSUMER_GROUP),
        NamesModule,
        RegistrationsModule,
        TasksModule,
        SupervisionModule,
        TaxRecordsModule,
        DeregistrationsModule,
        ScienceModule,
        PermitsModule,
        AuditModule.register(
          [
            { service: 'registration', url: config.REGISTRATION_URL },
            { service: 'tax', url: config.TAX_URL },
            { service: 'permits', url: config.PERMITS_URL },
            { service: 'science-commission', url: config.SCIENCE_COMMISSION_URL },
          ],
          config.GATEWAY_CONSUMER_GROUP,
        ),
        PortalCoreModule.register(config),
        RegistrationPagesModule,
        PermitPagesModule,
        TaskPagesModule,
        AuditPagesModule,
        DeregistrationPagesModule,
        SciencePagesModule,
      ],
      controllers: [LandingPageController],
      providers: [
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: PORTAL_OPTIONS, useValue: { temporalUiUrl: config.TEMPORAL_UI_URL } },
      ],
    };
  }
}
