import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseNotFound } from '../../domain/establishment-case/establishment-case.refusals';
import { RegisteredNames } from '../../names-registry/registered-names';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { RejectApplication } from './reject-application.command';

/** Rejects the application and releases its name in the same transaction: a refused applicant's name is free again. */
@CommandHandler(RejectApplication)
export class RejectApplicationHandler implements ICommandHandler<RejectApplication> {
  constructor(
    private readonly cases: EstablishmentCases,
    private readonly names: RegisteredNames,
  ) {}

  execute({ caseId, decidedBy, reason, decidedAt, metadata }: RejectApplication): Promise<void> {
    return this.cases.change(caseId, async (establishment, db) => {
      if (!establishment) throw new CaseNotFound(caseId);
      establishment.reject(decidedBy, reason, decidedAt);
      if (await this.cases.save(establishment, metadata, decidedAt)) await this.names.release(db, caseId, decidedAt);
    });
  }
}
