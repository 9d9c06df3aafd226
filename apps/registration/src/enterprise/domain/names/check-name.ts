import { type NamePolicy, namePolicyV1, periodEndsAt } from '@govflow/policy';
import { noIdenticalTradeName } from './identical-trade-name.rule';
import { type NameProblem, type NameRule } from './name-problem';
import { composeName, type NameCheckContext, type NameProposal, trimProposal } from './name-proposal';
import {
  divisionIsKnown,
  divisionMatchesRegisteringCity,
  industryIsStated,
  organisationFormIsKnown,
} from './name-structure.rules';
import { noProhibitedContent } from './prohibited-content.rule';
import { tradeNameCharactersAreAllowed } from './trade-name-characters.rule';
import { tradeNameIsLongEnough, tradeNameIsNotIndustryTerm, tradeNameIsNotPlaceName } from './trade-name-meaning.rules';

export interface NameCheckResult {
  readonly available: boolean;
  readonly fullName: string;
  readonly problems: readonly NameProblem[];
}

// Problems are reported in name order (division, trade name, industry, form), then the register check.
const NAME_RULES: readonly NameRule[] = [
  divisionIsKnown,
  divisionMatchesRegisteringCity,
  tradeNameIsLongEnough,
  tradeNameCharactersAreAllowed,
  tradeNameIsNotPlaceName,
  tradeNameIsNotIndustryTerm,
  industryIsStated,
  organisationFormIsKnown,
  noProhibitedContent,
  noIdenticalTradeName,
];

/**
 * The automatic self-check of a declared name (企业名称自主申报, R1.3). Passing is not final: the
 * officer re-examines the name at registration. Pass the policy a running case started under.
 */
export function checkName(
  proposal: NameProposal,
  context: NameCheckContext,
  policy: NamePolicy = namePolicyV1,
): NameCheckResult {
  const trimmed = trimProposal(proposal);
  const problems = NAME_RULES.flatMap((rule) => rule(trimmed, context, policy));
  return { available: problems.length === 0, fullName: composeName(trimmed), problems };
}

/** A declared name stays reserved until this instant (exclusive). */
export function nameReservedUntil(declaredAt: Date, policy: NamePolicy = namePolicyV1): Date {
  return periodEndsAt(declaredAt, policy.reservationPeriod);
}
