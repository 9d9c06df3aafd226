import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegisteredNames } from '../../names-registry/registered-names';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { SubmitApplication } from './submit-application.command';

/** Opens the case and reserves its name (R1.3: a declared name is reserved for 2 months). */
@CommandHandler(SubmitApplication)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplication> {
  constructor(
    private readonly cases: EstablishmentCases,
    private readonly names: RegisteredNames,
  ) {}

  execute({ caseId, applicant, application, submittedAt, metadata }: SubmitApplication): Promise<void> {
    return this.cases.change(caseId, async (found, db) => {
      const establishment = found ?? this.cases.create(caseId);
      establishment.submit(applicant, application, submittedAt);
      if (!(await this.cases.save(establishment, metadata, submittedAt))) return;
      const entry = { caseId, name: application.name, applicantId: applicant.id, since: submittedAt };
      await this.names.record(db, { ...entry, status: 'reserved' });
    });
  }
}
