import type { EnterpriseName } from '@govflow/contracts';
import { composeName, type NameProposal } from '../names';

/** Contracts spell it `organizationForm`, the name rules `organisationForm`; this is the one place they meet. */
export function nameProposalOf(name: EnterpriseName): NameProposal {
  return {
    division: name.division.trim(),
    tradeName: name.tradeName.trim(),
    industry: name.industry.trim(),
    organisationForm: name.organizationForm.trim(),
  };
}

/** 北京 + 星河 + 科技 + 有限公司 → 北京星河科技有限公司. */
export const fullNameOf = (name: EnterpriseName): string => composeName(nameProposalOf(name));
