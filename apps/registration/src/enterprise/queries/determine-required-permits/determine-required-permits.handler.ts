import { Logger } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RequiredPermitNotice } from '@govflow/contracts';
import { requiredPermits } from '@govflow/policy';
import {
  CaseNotFound,
  CreditCodeMismatch,
  LicenseNotIssued,
} from '../../domain/establishment-case/establishment-case.refusals';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { DetermineRequiredPermits } from './determine-required-permits.query';
import { permitCatalogueFor } from './permit-catalogue-for';

/** The post-license permits (后置审批事项) the registrant is told about at issue (先照后证, R2.1). Records nothing. */
@QueryHandler(DetermineRequiredPermits)
export class DetermineRequiredPermitsHandler implements IQueryHandler<DetermineRequiredPermits> {
  private readonly logger = new Logger(DetermineRequiredPermitsHandler.name);

  constructor(private readonly cases: EstablishmentCases) {}

  async execute(query: DetermineRequiredPermits): Promise<RequiredPermitNotice[]> {
    const { caseId, creditCode, businessScope, catalogueVersion } = query;
    const establishment = await this.cases.load(caseId);
    if (!establishment) throw new CaseNotFound(caseId);
    const { license } = establishment;
    if (!license) throw new LicenseNotIssued(caseId);
    if (license.creditCode !== creditCode) throw new CreditCodeMismatch(caseId, creditCode, license.creditCode);
    const { catalogue, substituted } = permitCatalogueFor(catalogueVersion, new Date(license.issuedAt));
    if (substituted) {
      this.logger.warn(`case ${caseId}: no permit catalogue "${catalogueVersion}"; told ${catalogue.version}`);
    }
    return requiredPermits(businessScope, catalogue.value).map(({ entry }) => ({
      code: entry.code,
      name: entry.name,
      authority: entry.authority,
    }));
  }
}
