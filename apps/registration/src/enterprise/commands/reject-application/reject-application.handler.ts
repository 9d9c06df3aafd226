import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseNotFound } from '../../domain/establishment-case/establishment-case.refusals';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { RejectApplication } from './reject-application.command';

// The name stays reserved: R1.3 reserves a declared name for its period whatever becomes of the application.
@CommandHandler(RejectApplication)
export class RejectApplicationHandler implements ICommandHandler<RejectApplication> {
  constructor(private readonly cases: EstablishmentCases) {}

  execute({ caseId, decidedBy, reason, decidedAt, metadata }: RejectApplication): Promise<void> {
    return this.cases.change(caseId, async (establishment) => {
      if (!establishment) throw new CaseNotFound(caseId);
      establishment.reject(decidedBy, reason, decidedAt);
      await this.cases.save(establishment, metadata, decidedAt);
    });
  }
}
