// The activities the registration workflow calls, on task queue `registration`; types only, so the workflow bundle
// never loads the service. The contracts live in libs/contracts so the service implements the same interface.
export type {
  DetermineRequiredPermitsInput,
  IssuedLicense,
  IssueLicenseInput,
  RegistrationActivities,
  RejectApplicationInput,
  RequiredPermitNotice,
  SubmitApplicationInput,
  SupplementApplicationInput,
} from '../../libs/contracts/src/registration/registration-activities';
export type { HumanTaskActivities, TaskEventRecord } from '../../libs/contracts/src/tasks/task-activities';
