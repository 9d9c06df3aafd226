import { type DynamicModule, Module } from '@nestjs/common';
import { UsersModule } from '../auth/users/users.module';
import { RegistrationCaseStore } from '../registrations/registration-cases/registration-case-store';
import { AuditLogClient } from './audit-log/audit-log.client';
import { AUDIT_CONSUMER_GROUP, CheckpointCopies } from './audit-log/checkpoint-copies';
import { EventReceiptController } from './audit-log/event-receipt.controller';
import { PublicAuditController } from './audit-log/public-audit.controller';
import { VerifyAuditLogController } from './audit-log/verify-audit-log.controller';
import { AuditTrailStore } from './audit-trail/audit-trail.store';
import { ListOperationsController } from './operations-log/list-operations.controller';
import { CaseTimeMachineController } from './time-machine/case-time-machine.controller';
import { OperationsLog } from './operations-log/operations-log';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { ListCaseWorkflowsController } from './workflow-archive/list-case-workflows.controller';
import { WorkflowArchiveStore } from './workflow-archive/workflow-archive.store';
import { WORKFLOW_ARCHIVE_INTERVAL_MS, WorkflowArchiver } from './workflow-archive/workflow-archiver';
import { ListCaseEventsController } from './list-case-events/list-case-events.controller';
import {
  INTEGRITY_SERVICES,
  type IntegrityServices,
  VerifyIntegrityController,
} from './verify-integrity/verify-integrity.controller';

/**
 * The administrators' audit views, the integrity check of every service's event store, and the signed audit
 * logs' API: verify, public keys and checkpoints for outsiders, receipts for applicants.
 */
@Module({})
export class AuditModule {
  static register(services: IntegrityServices, consumerGroup = 'gateway', archiveIntervalMs = 30_000): DynamicModule {
    return {
      module: AuditModule,
      imports: [UsersModule, TemporalClientModule],
      controllers: [
        ListCaseEventsController,
        VerifyIntegrityController,
        VerifyAuditLogController,
        PublicAuditController,
        EventReceiptController,
        ListCaseWorkflowsController,
        ListOperationsController,
        CaseTimeMachineController,
      ],
      providers: [
        AuditTrailStore,
        { provide: INTEGRITY_SERVICES, useValue: services },
        { provide: AUDIT_CONSUMER_GROUP, useValue: consumerGroup },
        AuditLogClient,
        CheckpointCopies,
        RegistrationCaseStore,
        WorkflowArchiveStore,
        OperationsLog,
        WorkflowArchiver,
        { provide: WORKFLOW_ARCHIVE_INTERVAL_MS, useValue: archiveIntervalMs },
      ],
    };
  }
}
