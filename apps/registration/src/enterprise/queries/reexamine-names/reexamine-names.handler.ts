import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import type { ReviewNameCheck } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';
import { NameReservations } from '../../names-registry/name-reservations';
import { EstablishmentCases } from '../../persistence/establishment-cases';
import { ReexamineNames } from './reexamine-names.query';

/**
 * The officer's re-examination (R1.3): each case's name as it stands now, through every rule of the check, the case's
 * own reservation aside. A name that passes only through a declared investment link says so, for the officer to
 * confirm the link.
 */
@QueryHandler(ReexamineNames)
export class ReexamineNamesHandler implements IQueryHandler<ReexamineNames> {
  constructor(
    private readonly cases: EstablishmentCases,
    private readonly names: NameReservations,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ caseIds, now }: ReexamineNames): Promise<ReviewNameCheck[]> {
    const checks = await Promise.all([...new Set(caseIds)].map((caseId) => this.reexamine(caseId, now)));
    return checks.flatMap((check) => (check ? [check] : []));
  }

  private async reexamine(caseId: string, at: Date): Promise<ReviewNameCheck | undefined> {
    const establishment = await this.cases.load(caseId);
    if (!establishment?.isSubmitted) return undefined;
    const { name, investmentLink } = establishment.currentApplication;
    const screening = { caseId, name, applicantId: establishment.applicantId, at };
    const linkCode = investmentLink?.creditCode;
    const result = await this.names.check(this.pool, { ...screening, investmentLinkCreditCode: linkCode });
    const withoutLink = linkCode && result.available ? await this.names.check(this.pool, screening) : result;
    const problems = result.problems.map(({ code, message }) => ({ code, message }));
    return {
      caseId,
      checkedAt: at.toISOString(),
      available: result.available,
      fullName: result.fullName,
      problems,
      ...(linkCode && !withoutLink.available ? { investmentLinkToConfirm: linkCode.toUpperCase() } : {}),
    };
  }
}
