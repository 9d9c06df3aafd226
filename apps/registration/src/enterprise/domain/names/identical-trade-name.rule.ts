import { chinaIsoDate, type NamePolicy, periodEndsAt } from '@govflow/policy';
import { type ExistingName, type NameCheckContext, type NameProposal } from './name-proposal';
import { nameProblem, type NameRule } from './name-problem';

/**
 * No identical trade name in the same industry under the same registering city, counting registered
 * names, names still reserved, and names deregistered or changed within the cooling-off period. A firm
 * linked to the applicant by investment does not block it.
 */
export const noIdenticalTradeName: NameRule = (proposal, context, policy) =>
  context.existingNames
    .filter((existing) => isSameNameSpace(existing, proposal, context))
    .filter((existing) => !isDeclaredLink(existing, context))
    .filter((existing) => blocksAt(existing, policy, context.now))
    .flatMap((existing) => {
      const blockedUntil = blocksUntil(existing, policy);
      const message = `字号“${existing.tradeName}”在${existing.city}${existing.industry}行业已被使用：${describe(existing, blockedUntil)}`;
      return [nameProblem('identical-trade-name', 'tradeName', message)];
    });

function isSameNameSpace(existing: ExistingName, proposal: NameProposal, context: NameCheckContext): boolean {
  return (
    canonicalTradeName(existing.tradeName) === canonicalTradeName(proposal.tradeName) &&
    existing.industry.trim() === proposal.industry &&
    existing.city.trim() === context.registeringCity.trim()
  );
}

/** Whether an existing name still blocks its trade name at `now`; a lapsed reservation or cooled-off name does not. */
export function blocksAt(existing: ExistingName, policy: NamePolicy, now: Date): boolean {
  const blockedUntil = blocksUntil(existing, policy);
  return blockedUntil === 'indefinitely' || now.getTime() < blockedUntil.getTime();
}

function isDeclaredLink(existing: ExistingName, context: NameCheckContext): boolean {
  const declared = context.investmentLinkCreditCode?.trim().toUpperCase();
  return declared !== undefined && declared !== '' && existing.creditCode?.toUpperCase() === declared;
}

function blocksUntil(existing: ExistingName, policy: NamePolicy): Date | 'indefinitely' {
  switch (existing.status) {
    case 'registered':
      return 'indefinitely';
    case 'reserved':
      return periodEndsAt(existing.statusSince, policy.reservationPeriod);
    case 'deregistered':
    case 'changed':
      return periodEndsAt(existing.statusSince, policy.coolingOffPeriod);
    default:
      return assertNever(existing.status);
  }
}

function describe(existing: ExistingName, blockedUntil: Date | 'indefinitely'): string {
  if (blockedUntil === 'indefinitely') return '已登记';
  const lastDay = chinaIsoDate(new Date(blockedUntil.getTime() - 1));
  const since = chinaIsoDate(existing.statusSince);
  if (existing.status === 'reserved') return `${since}已预留，保留至${lastDay}`;
  const act = existing.status === 'deregistered' ? '注销' : '变更';
  return `${since}${act}，未满一年，${lastDay}前不得使用`;
}

// Latin trademark letters are compared without regard to case: 星河ABC and 星河abc are one trade name.
function canonicalTradeName(tradeName: string): string {
  return tradeName.trim().toUpperCase();
}

function assertNever(status: never): never {
  throw new Error(`Unknown name status ${String(status)}`);
}
