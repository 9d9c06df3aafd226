/** A name as the registrant declares it: 北京 + 星河 + 科技 + 有限公司. */
export interface NameProposal {
  /** Administrative division (行政区划), e.g. 北京 or 北京市. */
  readonly division: string;
  /** Trade name (字号), the distinctive part. */
  readonly tradeName: string;
  /** Industry or business feature (行业), e.g. 科技. */
  readonly industry: string;
  /** Organisational form (组织形式), e.g. 有限公司. */
  readonly organisationForm: string;
}

export type NamePart = keyof NameProposal;

export type ExistingNameStatus = 'registered' | 'reserved' | 'deregistered' | 'changed';

/** A name already in the register, as the duplicate check needs it. */
export interface ExistingName {
  readonly tradeName: string;
  readonly industry: string;
  /** The registering city, e.g. 北京. */
  readonly city: string;
  readonly status: ExistingNameStatus;
  /** When the name entered that status: registration, reservation, deregistration or change. */
  readonly statusSince: Date;
  /** The case that holds or held the name in the register. */
  readonly caseId?: string;
  /** The enterprise's credit code, once licensed: an applicant may declare an investment link to it. */
  readonly creditCode?: string;
}

/** Everything the check needs from outside, passed in so the rules stay pure. */
export interface NameCheckContext {
  readonly applicantId: string;
  /** Short name of the city whose authority registers the firm, e.g. 北京. */
  readonly registeringCity: string;
  /** The applicant's registered trademarks; only these may bring Latin letters into a trade name. */
  readonly applicantTrademarks: readonly string[];
  readonly existingNames: readonly ExistingName[];
  readonly now: Date;
  /** The credit code of an enterprise the applicant declares linked by investment (R1.3's exception), if any. */
  readonly investmentLinkCreditCode?: string;
}

export function composeName(proposal: NameProposal): string {
  return `${proposal.division}${proposal.tradeName}${proposal.industry}${proposal.organisationForm}`;
}

export function trimProposal(proposal: NameProposal): NameProposal {
  return {
    division: proposal.division.trim(),
    tradeName: proposal.tradeName.trim(),
    industry: proposal.industry.trim(),
    organisationForm: proposal.organisationForm.trim(),
  };
}
