import { Module } from '@nestjs/common';
import { ApplicationPage } from './application.page';
import { CaseLivePage } from './case-live.page';
import { CasePages } from './case.page';
import { NameCheckPage } from './name-check.page';
import { SupplementPage } from './supplement.page';

/** The registrant's pages; they use the registrations API over HTTP, as any client would. */
@Module({ controllers: [NameCheckPage, ApplicationPage, CaseLivePage, SupplementPage, CasePages] })
export class RegistrationPagesModule {}
