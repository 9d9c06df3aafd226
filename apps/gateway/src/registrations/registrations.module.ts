import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { CaseAccess } from './case-access';
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
  ],
  providers: [
    RegistrationCaseStore,
    CaseAccess,
    CaseStatuses,
    SubmitRegistration,
    RegistrationWorkflowStarter,
    SupplementRegistration,
  ],
})
export class RegistrationsModule {}
