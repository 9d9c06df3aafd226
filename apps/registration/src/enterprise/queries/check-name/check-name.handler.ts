import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { NameCheckAnswer } from '@govflow/contracts';
import { namePolicies } from '@govflow/policy';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from '../../../config/registration-settings';
import { nameProposalOf } from '../../domain/establishment-case/enterprise-name';
import { checkName } from '../../domain/names';
import { RegisteredNames } from '../../names-registry/registered-names';
import { CheckName } from './check-name.query';

/** The name self-check (R1.3) against this registry's names, under the name policy in force today. Reserves nothing. */
@QueryHandler(CheckName)
export class CheckNameHandler implements IQueryHandler<CheckName> {
  constructor(
    private readonly names: RegisteredNames,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async execute({ request, now }: CheckName): Promise<NameCheckAnswer> {
    const proposal = nameProposalOf(request.name);
    const { applicantId, applicantTrademarks = [] } = request;
    const existingNames = await this.names.withTradeName(proposal.tradeName, proposal.industry, applicantId);
    const { registeringCity } = this.settings;
    const context = { applicantId, registeringCity, applicantTrademarks, existingNames, now };
    const result = checkName(proposal, context, namePolicies.at(now).value);
    const problems = result.problems.map(({ code, message }) => ({ code, message }));
    return { available: result.available, fullName: result.fullName, problems };
  }
}
