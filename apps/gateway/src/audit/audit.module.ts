import { Module } from '@nestjs/common';
import { AuditTrailStore } from './audit-trail/audit-trail.store';
import { ListCaseEventsController } from './list-case-events/list-case-events.controller';

/** The administrators' audit views. */
@Module({ controllers: [ListCaseEventsController], providers: [AuditTrailStore] })
export class AuditModule {}
