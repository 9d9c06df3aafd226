import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { AuditTrailStore } from '../audit/audit-trail/audit-trail.store';
import { TaskInboxStore } from '../tasks/task-inbox/task-inbox.store';
import { CaseAccess } from './case-access';
import { CaseProgressController } from './case-progress/case-progress.controller';
import { FindCasesController } from './find-cases/find-cases.controller';
import { GetApplicationController } from './get-application/get-application.controller';
import { GetRegistrationController } from './get-registration/get-registration.controller';
import { CaseStatuses } from './list-registrations/case-statuses';
import { ListRegistrationsController } from './list-registrations/list-registrations.controller';
import { RegistrationCaseStore } from './registration-cases/registration-case-store';
import { SubmitRegistrationController } from './submit-registration/submit-registration.controller';
import { SubmitRegistration } from './submit-registration/submit-registration.service';
import { RegistrationWorkflowStarter } from './submit-registration/registration-workflow.starter';
import { SupplementRegistrationController } from './supplement-registration/supplement-registration.controller';
import { SupplementRegistration } from './supplement-registration/supplement-registration.service';

/** The registrant's side of establishment registration (三证合一): file, follow, supplement. */
@Module({
  imports: [TemporalClientModule],
  controllers: [
    SubmitRegistrationController,
    ListRegistrationsController,
    GetRegistrationController,
    SupplementRegistrationController,
    GetApplicationController,
    CaseProgressController,
    FindCasesController,
  ],
  providers: [
    RegistrationCaseStore,
    CaseAccess,
    CaseStatuses,
    SubmitRegistration,
    RegistrationWorkflowStarter,
    SupplementRegistration,
    AuditTrailStore,
    TaskInboxStore,
  ],
})
export class RegistrationsModule {}
