import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegisteredNames } from '../../names-registry/registered-names';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { CaseNotFound } from '../../domain/establishment-case/establishment-case.refusals';
import { SupplementApplication } from './supplement-application.command';

/** Takes the registrant's answer to a request for information; a changed name is reserved in place of the old. */
@CommandHandler(SupplementApplication)
export class SupplementApplicationHandler implements ICommandHandler<SupplementApplication> {
  constructor(
    private readonly cases: EstablishmentCases,
    private readonly names: RegisteredNames,
  ) {}

  execute({ caseId, round, changes, note, by, at, metadata }: SupplementApplication): Promise<void> {
    return this.cases.change(caseId, async (establishment, db) => {
      if (!establishment) throw new CaseNotFound(caseId);
      establishment.supplement(round, changes, note, by, at);
      if (!(await this.cases.save(establishment, metadata, at)) || !changes.name) return;
      const applicantId = establishment.applicantId;
      await this.names.record(db, { caseId, name: changes.name, applicantId, status: 'reserved', since: at });
    });
  }
}
