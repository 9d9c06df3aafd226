import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IssuedLicense, type LicenseIssuedV1, NameRefusalType } from '@govflow/contracts';
import { DomainRefusal } from '../../../shared/domain-refusal';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from '../../../config/registration-settings';
import { OrganisationBodies } from '../../credit-codes/organisation-bodies';
import { generateCreditCode } from '../../domain/credit-code-generator';
import { CaseNotFound } from '../../domain/establishment-case/establishment-case.refusals';
import { RegisteredNames } from '../../names-registry/registered-names';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { IssueLicense } from './issue-license.command';

/**
 * Assigns the case its unified social credit code (R1.6) and issues the license. The code lives in the case's
 * LicenseIssued event, so a retry answers with the same code; a new one is drawn only for a case never licensed, in
 * the transaction that records it, under the case's lock.
 */
@CommandHandler(IssueLicense)
export class IssueLicenseHandler implements ICommandHandler<IssueLicense> {
  constructor(
    private readonly cases: EstablishmentCases,
    private readonly names: RegisteredNames,
    private readonly organisationBodies: OrganisationBodies,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  execute({ caseId, approvedAt, metadata }: IssueLicense): Promise<IssuedLicense> {
    return this.cases.change(caseId, async (establishment, db) => {
      if (!establishment) throw new CaseNotFound(caseId);
      if (establishment.license) return issuedLicense(establishment.license);
      establishment.assertLicensable();
      const code = generateCreditCode({
        authority: '9',
        category: establishment.creditCodeCategory,
        division: this.settings.registeringDivision,
        organisationBody: await this.organisationBodies.next(db),
      });
      const license = establishment.issueLicense(code, approvedAt);
      await this.cases.save(establishment, metadata, approvedAt);
      const { name } = establishment.currentApplication;
      if (!(await this.names.register(db, caseId, name, license.creditCode, approvedAt))) {
        throw new DomainRefusal(NameRefusalType.NameTaken, `名称“${license.enterpriseName}”已由其他案件持有，不能登记`);
      }
      return issuedLicense(license);
    });
  }
}

const issuedLicense = ({ creditCode, enterpriseName, issuedAt }: LicenseIssuedV1): IssuedLicense => ({
  creditCode,
  enterpriseName,
  issuedAt,
});
