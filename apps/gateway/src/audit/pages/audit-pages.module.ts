import { Module } from '@nestjs/common';
import { AdminPages } from './admin.pages';
import { AuditLogPages } from './audit-log.pages';

/** The administrator's pages; they use the audit and admin API over HTTP, as any client would. */
@Module({ controllers: [AdminPages, AuditLogPages] })
export class AuditPagesModule {}
