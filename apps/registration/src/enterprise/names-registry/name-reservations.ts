import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { EnterpriseName } from '@govflow/contracts';
import { namePolicies } from '@govflow/policy';
import type { NameHeld } from '../domain/establishment-case/establishment-case.aggregate';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from '../../config/registration-settings';
import { nameProposalOf } from '../domain/establishment-case/enterprise-name';
import { blocksAt, checkName, type ExistingName, type NameCheckResult, nameReservedUntil } from '../domain/names';
import { NameRefused } from './name-refused';
import { RegisteredNames } from './registered-names';

export interface NameScreening {
  name: EnterpriseName;
  applicantId: string;
  at: Date;
  applicantTrademarks?: readonly string[];
  /** The case whose own entry does not count against its name. */
  caseId?: string;
  investmentLinkCreditCode?: string;
}

/**
 * Every rule of R1.3 against the register, the same code for the portal's self-check, a submission, a supplement and
 * the officer's re-examination; and the reservation that follows a pass, which the database makes the only one.
 */
@Injectable()
export class NameReservations {
  constructor(
    private readonly names: RegisteredNames,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async check(db: Pick<PoolClient, 'query'>, screening: NameScreening): Promise<NameCheckResult> {
    return (await this.screen(db, screening)).result;
  }

  /**
   * Checks the name and holds it for the case in the caller's transaction, or refuses with every problem. Two cases
   * racing for one name: the index lets one hold it; the other is refused naming the holder's reservation.
   */
  async hold(db: PoolClient, screening: NameScreening & { caseId: string }): Promise<NameHeld> {
    const { result, existing, policy } = await this.screen(db, screening);
    if (!result.available) throw new NameRefused(result);
    const lapsed = existing.filter((e) => e.status === 'reserved' && !blocksAt(e, policy.value, screening.at));
    await this.names.lapse(
      db,
      lapsed.flatMap((e) => (e.caseId ? [e.caseId] : [])),
    );
    const linkedCreditCode = this.linkRelied(existing, screening);
    const { caseId, name, applicantId, at: since } = screening;
    if (!(await this.names.hold(db, { caseId, name, applicantId, since, linkedCreditCode }))) {
      const afterRace = await this.check(db, screening);
      if (afterRace.available) throw new Error(`the name of case ${caseId} met a holder that is gone; try again`);
      throw new NameRefused(afterRace);
    }
    return {
      reservedUntil: nameReservedUntil(since, policy.value),
      namePolicyVersion: policy.version,
      ...(linkedCreditCode === undefined ? {} : { investmentLink: linkedCreditCode }),
    };
  }

  private async screen(db: Pick<PoolClient, 'query'>, screening: NameScreening) {
    const proposal = nameProposalOf(screening.name);
    const existing = await this.names.withTradeName(db, proposal.tradeName, proposal.industry, screening.caseId);
    const policy = namePolicies.at(screening.at);
    const context = {
      applicantId: screening.applicantId,
      registeringCity: this.settings.registeringCity,
      applicantTrademarks: screening.applicantTrademarks ?? [],
      existingNames: existing,
      now: screening.at,
      investmentLinkCreditCode: screening.investmentLinkCreditCode,
    };
    return { result: checkName(proposal, context, policy.value), existing, policy };
  }

  /** The declared link, when the name is shared with that enterprise's live name (else the index applies). */
  private linkRelied(existing: readonly ExistingName[], screening: NameScreening): string | undefined {
    const declared = screening.investmentLinkCreditCode?.trim().toUpperCase();
    if (!declared) return undefined;
    const policy = namePolicies.at(screening.at).value;
    const shared = existing.some((e) => e.creditCode?.toUpperCase() === declared && blocksAt(e, policy, screening.at));
    return shared ? declared : undefined;
  }
}
