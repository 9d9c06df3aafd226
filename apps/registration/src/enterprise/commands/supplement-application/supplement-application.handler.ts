import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { fullNameOf } from '../../domain/establishment-case/enterprise-name';
import { CaseNotFound } from '../../domain/establishment-case/establishment-case.refusals';
import { NameReservations } from '../../names-registry/name-reservations';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { SupplementApplication } from './supplement-application.command';

/**
 * Takes the registrant's answer to a request for information. A changed name passes every name rule first and its
 * reservation moves in the same transaction (the old name is released only once the new one is held); a refused name
 * refuses the whole supplement, and the case keeps its name.
 */
@CommandHandler(SupplementApplication)
export class SupplementApplicationHandler implements ICommandHandler<SupplementApplication> {
  constructor(
    private readonly cases: EstablishmentCases,
    private readonly names: NameReservations,
  ) {}

  execute({ caseId, round, changes, note, by, at, metadata }: SupplementApplication): Promise<void> {
    return this.cases.change(caseId, async (establishment, db) => {
      if (!establishment) throw new CaseNotFound(caseId);
      if (establishment.hasSupplement(round)) return;
      const link = changes.investmentLink ?? establishment.currentApplication.investmentLink;
      const renamed = changes.name && fullNameOf(changes.name) !== fullNameOf(establishment.currentApplication.name);
      const held =
        renamed && changes.name
          ? await this.names.hold(db, {
              caseId,
              name: changes.name,
              applicantId: establishment.applicantId,
              at,
              investmentLinkCreditCode: link?.creditCode,
            })
          : undefined;
      establishment.supplement(round, changes, note, by, at, held);
      await this.cases.save(establishment, metadata, at);
    });
  }
}
