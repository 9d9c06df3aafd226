import { type DynamicModule, Module } from '@nestjs/common';
import { UsersModule } from '../auth/users/users.module';
import { AuditTrailStore } from './audit-trail/audit-trail.store';
import { ListCaseEventsController } from './list-case-events/list-case-events.controller';
import {
  INTEGRITY_SERVICES,
  type IntegrityServices,
  VerifyIntegrityController,
} from './verify-integrity/verify-integrity.controller';

/** The administrators' audit views and the integrity check of every service's event store. */
@Module({})
export class AuditModule {
  static register(services: IntegrityServices): DynamicModule {
    return {
      module: AuditModule,
      imports: [UsersModule],
      controllers: [ListCaseEventsController, VerifyIntegrityController],
      providers: [AuditTrailStore, { provide: INTEGRITY_SERVICES, useValue: services }],
    };
  }
}
