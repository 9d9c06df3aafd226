import { Module } from '@nestjs/common';
import { EnterprisePages } from './enterprise.page';

/** The enterprise's permit pages; they use the permits API over HTTP, as any client would. */
@Module({ controllers: [EnterprisePages] })
export class PermitPagesModule {}
