import { Module } from '@nestjs/common';
import { EnterprisePages } from './enterprise.page';
import { PermitCasePage } from './permit-case.page';

/** The enterprise's permit pages and the registrant's permit case; they use the permits API over HTTP, as any client would. */
@Module({ controllers: [EnterprisePages, PermitCasePage] })
export class PermitPagesModule {}
