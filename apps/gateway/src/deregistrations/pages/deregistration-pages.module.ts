import { Module } from '@nestjs/common';
import { AnnouncementsPage } from './announcements.page';
import { DeregistrationApplicationPage } from './deregistration-application.page';
import { DeregistrationCasePage } from './deregistration-case.page';
import { EnterprisePage } from './enterprise.page';

/** The enterprise page, simplified deregistration and the public announcements; they use the API over HTTP. */
@Module({ controllers: [EnterprisePage, DeregistrationApplicationPage, DeregistrationCasePage, AnnouncementsPage] })
export class DeregistrationPagesModule {}
