import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NameReservations } from '../../names-registry/name-reservations';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { SubmitApplication } from './submit-application.command';

/**
 * Opens the case and reserves its name (R1.3), in one transaction: every name rule is applied first, the same as the
 * check, and a name that fails one, or that another case holds, is refused with every problem and records nothing.
 */
@CommandHandler(SubmitApplication)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplication> {
  constructor(
    private readonly cases: EstablishmentCases,
    private readonly names: NameReservations,
  ) {}

  execute({ caseId, applicant, application, submittedAt, metadata }: SubmitApplication): Promise<void> {
    return this.cases.change(caseId, async (found, db) => {
      const establishment = found ?? this.cases.create(caseId);
      if (establishment.isSubmitted) return;
      const held = await this.names.hold(db, {
        caseId,
        name: application.name,
        applicantId: applicant.id,
        at: submittedAt,
        investmentLinkCreditCode: application.investmentLink?.creditCode,
      });
      establishment.submit(applicant, application, submittedAt, held);
      await this.cases.save(establishment, metadata, submittedAt);
    });
  }
}
