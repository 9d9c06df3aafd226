import { type DynamicModule, Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogPublisher } from './audit-log.publisher';
import { AuditLogService } from './audit-log.service';
import { AUDIT_LOG_SETTINGS } from './audit-log.tokens';
import { InvalidConfiguration } from '@govflow/config';
import { auditLogSettings } from './audit-signing-key';

/** A bad key must end the boot with one line (bootstrapService), so the refusal waits for onModuleInit. */
function settingsOrRefusal(service: string, env: NodeJS.ProcessEnv) {
  try {
    return auditLogSettings(service, env);
  } catch (error) {
    if (error instanceof InvalidConfiguration) return error;
    throw error;
  }
}

/**
 * A service's signed audit log over its event store: import `AuditLogModule.register('<service>')` beside
 * PlatformModule (it needs PG_POOL and KAFKA, and the event store's tables, which `migrate` creates). The internal
 * /audit routes are served unless `serveInternalRoutes` is false: a process whose port is public (the gateway) must
 * not serve them, since no guard there covers paths outside /api.
 */
@Module({})
export class AuditLogModule {
  static register(
    service: string,
    env: NodeJS.ProcessEnv = process.env,
    { serveInternalRoutes = true }: { serveInternalRoutes?: boolean } = {},
  ): DynamicModule {
    return {
      module: AuditLogModule,
      // Global so the gateway's audit API can ask its own log in-process (AuditLogService).
      global: true,
      controllers: serveInternalRoutes ? [AuditLogController] : [],
      providers: [
        { provide: AUDIT_LOG_SETTINGS, useFactory: () => settingsOrRefusal(service, env) },
        AuditLogPublisher,
        AuditLogService,
      ],
      exports: [AuditLogPublisher, AuditLogService],
    };
  }
}
