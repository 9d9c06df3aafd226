import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { EventStore } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';
import { RegistrationActivitiesService } from './activities/registration-activities.service';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './config/registration-settings';
import { RegistrationMigrations } from './database/registration.migrations';
import { IssueLicenseHandler } from './enterprise/commands/issue-license/issue-license.handler';
import { RejectApplicationHandler } from './enterprise/commands/reject-application/reject-application.handler';
import { SubmitApplicationHandler } from './enterprise/commands/submit-application/submit-application.handler';
import { SupplementApplicationHandler } from './enterprise/commands/supplement-application/supplement-application.handler';
import { OrganisationBodies } from './enterprise/credit-codes/organisation-bodies';
import { NameReservations } from './enterprise/names-registry/name-reservations';
import { RegisteredNames } from './enterprise/names-registry/registered-names';
import { EstablishmentCases } from './enterprise/persistence/establishment-cases';
import { ReexamineNamesHandler } from './enterprise/queries/reexamine-names/reexamine-names.handler';
import { CheckNameHandler } from './enterprise/queries/check-name/check-name.handler';
import { DetermineRequiredPermitsHandler } from './enterprise/queries/determine-required-permits/determine-required-permits.handler';
import { DeregistrationDesk } from './deregistration/deregistration-desk';
import { DeregistrationCases } from './deregistration/persistence/deregistration-cases';
import { RecordSupervisionHandler } from './supervision/commands/record-supervision/record-supervision.handler';
import { CreditRecords } from './credit/credit-record';
import { SupervisionRecords } from './supervision/persistence/supervision-records';
import { ReadSupervisionHandler } from './supervision/queries/read-supervision/read-supervision.handler';
import { RecordTaskEventHandler } from './tasks/commands/record-task-event/record-task-event.handler';

const handlers = [
  SubmitApplicationHandler,
  SupplementApplicationHandler,
  RejectApplicationHandler,
  IssueLicenseHandler,
  RecordTaskEventHandler,
  CheckNameHandler,
  ReexamineNamesHandler,
  DetermineRequiredPermitsHandler,
  RecordSupervisionHandler,
  ReadSupervisionHandler,
];

/**
 * Market regulation's cases, names register and credit codes, with the activities that drive them; migrates the
 * database at start-up. Everything but the transports (worker, outbox), so tests can run it against a throwaway DB.
 */
@Module({})
export class RegistrationCoreModule {
  static register(settings: RegistrationSettings): DynamicModule {
    return {
      module: RegistrationCoreModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: REGISTRATION_SETTINGS, useValue: settings },
        { provide: EventStore, useFactory: (pool: Pool) => new EventStore(pool), inject: [PG_POOL] },
        RegistrationMigrations,
        EstablishmentCases,
        RegisteredNames,
        NameReservations,
        OrganisationBodies,
        SupervisionRecords,
        CreditRecords,
        DeregistrationCases,
        DeregistrationDesk,
        ...handlers,
        RegistrationActivitiesService,
      ],
      exports: [EventStore, RegistrationActivitiesService],
    };
  }
}
